package org.cqdrug.tracker.httpcache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose answers are not the tracked data, so that the data's change counter says nothing about
 * them: they carry no weak tag, are never kept in memory, and answer {@code Cache-Control: no-store}; a single row
 * still carries its version tag (see Tagged).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NoStore {
}
