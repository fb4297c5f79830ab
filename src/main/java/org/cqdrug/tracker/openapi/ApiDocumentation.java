package org.cqdrug.tracker.openapi;

import jakarta.ws.rs.core.Application;
import org.cqdrug.tracker.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JAX-RS application, carrying the top of the published OpenAPI document: what the API is, its tags, and the problem schema every error uses. */
@OpenAPIDefinition(
        info = @Info(
                title = "Chongqing innovative-drug tracker API",
                version = "1.0.0",
                description = "Clusters, organizations, drug candidates with their phase history, approvals and government"
                        + " targets for Chongqing's plan for innovative drugs (重庆市全链条支持创新药高质量发展若干措施, 2025)."
                        + " Every error is an RFC 9457 problem (application/problem+json).",
                contact = @Contact(name = "Chongqing innovative-drug tracker maintainers"),
                license = @License(name = "Apache 2.0", url = "https://www.apache.org/licenses/LICENSE-2.0.html")),
        tags = {
                @Tag(name = "Clusters", description = "Innovative-drug industry clusters"),
                @Tag(name = "Organizations", description = "Companies, universities, hospitals and institutes"),
                @Tag(name = "Candidates", description = "Drug candidates and their phase history"),
                @Tag(name = "Approvals", description = "Marketing approvals won by candidates"),
                @Tag(name = "Targets", description = "Government targets to measure approvals against"),
                @Tag(name = "Indicators", description = "Targets against actual Class 1 approvals, with a pipeline forecast"),
                @Tag(name = "Statistics", description = "Yearly approval counts and the pipeline funnel"),
                @Tag(name = "Collaborations", description = "Joint R&D, tech transfers and licensing deals"),
                @Tag(name = "API keys", description = "Keys that authenticate clients, and their roles"),
                @Tag(name = "Changes", description = "Every change of the data in commit order, to sync from")
        },
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class),
                securitySchemes = @SecurityScheme(securitySchemeName = ApiDocumentation.API_KEY,
                        type = SecuritySchemeType.HTTP, scheme = "bearer",
                        description = "An API key, sent as 'Authorization: Bearer <key>'. Reads need none (unless the"
                                + " service requires keys for reads); recording and changing facts needs EDITOR;"
                                + " targets, deletions and keys need ADMIN.")))
public class ApiDocumentation extends Application {

    /** The name of the bearer scheme in the document. */
    static final String API_KEY = "apiKey";
}
