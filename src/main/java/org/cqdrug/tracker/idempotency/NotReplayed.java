package org.cqdrug.tracker.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource whose answers must never be stored, so that its POSTs ignore an {@code Idempotency-Key} rather
 * than keep the answer to replay it (a new API key's secret is shown once).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NotReplayed {
}
