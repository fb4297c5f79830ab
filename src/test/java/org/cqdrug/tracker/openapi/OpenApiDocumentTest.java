package org.cqdrug.tracker.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * Keeps openapi/openapi.yaml equal to what the code generates. After an intended API change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.update=true} (under pg_virtualenv) and commit the result.
 */
@Tag(Lanes.DATABASE)
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void committedDocumentMatchesTheGeneratedOne() throws IOException {
        String generated = given().queryParam("format", "yaml").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(COMMITTED, StandardCharsets.UTF_8), generated,
                "openapi/openapi.yaml differs from the generated document; regenerate it with"
                        + " -Dopenapi.update=true if the change is intended");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
