package org.cqdrug.tracker.source.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example files of src/docs/sources.md give the changesets that page describes. They are only proposed here,
 * never applied: their sponsor is in Chongqing, whose demo target other tests read as seeded.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class ExampleFilesTest {

    private static byte[] example(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/docs/examples", name));
    }

    @Test
    void theAcceptanceListProposesWhatTheWalkthroughSays() throws IOException {
        String id = SourceResourceTest.uploaded("CDE_ACCEPTANCES", example("cde-acceptances.example.csv"),
                Format.CSV_TYPE).path("id");
        assertEquals(Map.of("CREATE_CANDIDATE", 3, "NOT_INNOVATIVE", 1, "NEEDS_REVIEW", 1),
                SourceResourceTest.changes(id).path("counts"));
        given().get(SourceResourceTest.SOURCES + "/" + id + "/changes").then()
                .body("items[0].line", equalTo(2))
                .body("items[0].after.phase", equalTo("NDA_SUBMITTED"))
                .body("items[0].after.phaseReachedOn", equalTo("2026-03-02"))
                .body("items[0].after.sponsorRegionCode", equalTo("CN-CQ"))
                .body("items[1].after.sponsorCreatedByLine", equalTo(2))
                .body("items[2].action", equalTo("NOT_INNOVATIVE"))
                .body("items[4].line", equalTo(6))
                .body("items[4].action", equalTo("NEEDS_REVIEW"));
    }

    @Test
    void theNoticeIsReadFromTheSavedPage() throws IOException {
        String id = SourceResourceTest.uploaded("NMPA_APPROVAL_NOTICE", example("nmpa-approval-notice.example.html"),
                "text/html").path("id");
        given().get(SourceResourceTest.SOURCES + "/" + id + "/changes").then()
                .body("items.acceptanceNumber", equalTo(java.util.List.of("CXSS2600101", "CYHS2600103")))
                .body("items[0].approvalNumber", equalTo("国药准字S20269901"))
                .body("items[1].action", equalTo("NOT_INNOVATIVE"));
    }
}
