/**
 * Shared kernel: problem responses, validation, idempotency, the clock and the embedded database.
 * Every module may use its top-level types.
 */
package org.custodia.common;
