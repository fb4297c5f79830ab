package org.cqdrug.tracker.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a transactional service whose calls are run again when their transaction loses a race with another (a
 * serialization failure or a deadlock, {@link DatabaseFault#CONFLICT}): such a transaction was rolled back whole and
 * its input is still in the call's arguments, so running it again is safe. Only the outermost call retries; one that
 * joined a caller's transaction leaves the decision to the caller.
 */
@InterceptorBinding
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetriedOnConflict {
}
