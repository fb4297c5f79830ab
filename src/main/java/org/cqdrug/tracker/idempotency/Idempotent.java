package org.cqdrug.tracker.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a POST endpoint whose answer is stored for its {@code Idempotency-Key} in the transaction of its write
 * ({@link IdempotentWrites}). Every POST of the API carries it, except those of {@link NotReplayed} resources
 * (ArchitectureTest).
 */
@InterceptorBinding
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
