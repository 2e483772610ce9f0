package org.imprimatur.studio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of studio pages. The studio's door ({@link StudioFilters}) is bound to the class the
 * router matched, not to the spelling of the request's path, so no way of writing a path reaches a
 * page without a session (docs/security.md, "The studio's door"). ArchitectureTest requires it on
 * every resource class of the studio.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface StudioPage {

    /** Marks the few pages a visitor without a session may open: signing in. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface OpenWithoutSession {
    }
}
