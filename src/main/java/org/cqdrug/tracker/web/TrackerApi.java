package org.cqdrug.tracker.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Marks a resource of the API (under {@code /api/v1}) and binds to it the filters of the chain in {@link FilterOrder}:
 * a filter method carrying this annotation runs for the resources carrying it, and for no other (the dashboard's
 * files, Swagger UI, health and metrics, the benchmark's ceiling).
 */
@NameBinding
@Documented
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TrackerApi {
}
