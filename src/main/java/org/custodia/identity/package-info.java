/** Users, roles, the scope of each user, authentication. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.custodia.identity;
