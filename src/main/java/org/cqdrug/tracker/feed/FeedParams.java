package org.cqdrug.tracker.feed;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.cqdrug.tracker.common.Language;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of a list that is a feed too: JSON or Atom, and the language of an Atom feed's titles. */
public class FeedParams {

    @QueryParam("format")
    @Parameter(description = "json (the default) or atom; takes precedence over Accept")
    public FeedFormat format;

    @QueryParam("lang")
    @Parameter(description = "The language of an Atom feed's titles: en or zh; Accept-Language decides when left out",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"zh", "en"}))
    public String lang;

    @Context
    HttpHeaders headers;

    /** Whether the client asked for Atom (see {@link FeedFormat#atom}). */
    public boolean atom() {
        return FeedFormat.atom(format, headers.getAcceptableMediaTypes());
    }

    public Language language() {
        return Language.of(lang, headers.getAcceptableLanguages());
    }
}
