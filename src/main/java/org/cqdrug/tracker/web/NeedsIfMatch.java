package org.cqdrug.tracker.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a POST that changes a row and needs its ETag in If-Match (IfMatch), as PUT, PATCH and DELETE always do; the API
 * document then lists If-Match and its 412 and 428 answers for it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NeedsIfMatch {
}
