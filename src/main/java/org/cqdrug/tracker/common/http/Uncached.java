package org.cqdrug.tracker.common.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose answers are not the tracked data, so that the data's change counter says nothing about
 * them: they carry no ETag and {@code Cache-Control: no-store}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Uncached {
}
