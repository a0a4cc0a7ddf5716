package org.custodia.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders console pages with the shared layout: the web module then supplies what the
 * layout needs ({@code me}, {@code currentPath}) to every page it serves, whichever module it lives in. It carries
 * {@link org.custodia.common.ConsolePage}, which modules the web module depends on (agreement, identity, ledger) use
 * instead, so that no cycle arises between them and the web module.
 */
@org.custodia.common.ConsolePage
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {
}
