package org.custodia.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller that renders console pages with the shared layout: the web module then supplies what the
 * layout needs ({@code me}, {@code currentPath}) to every page it serves, whichever module it lives in. It sits in the
 * shared kernel so that modules the web module itself depends on (agreement, identity, ledger) can serve console pages
 * without a cycle; {@link org.custodia.web.ConsolePage} carries it and works the same for the others.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ConsolePage {
}
