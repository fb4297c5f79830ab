package org.cqdrug.tracker.spreadsheet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVRecord;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.testsupport.TestData;
import org.cqdrug.tracker.spreadsheet.CsvExportTest;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@QuarkusTest
// Acts as a key holding every role; apikey/rest tests cover keys and roles themselves.
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class CsvImportTest {

    @Inject
    ObjectMapper json;

    @Inject
    Validator validator;

    private static final List<String> COMPARED = List.of("code", "name", "nameZh", "category",
            "registrationClass", "modality", "therapeuticArea", "indication", "phase", "designations",
            "expectedDecisionOn", "sourceUrl", "note");

    private static String export(String cluster) {
        return given().accept("text/csv").queryParam("clusterId", cluster).queryParam("sort", "code")
                .get("/api/v1/candidates").then().statusCode(200).extract().asString();
    }

    @Test
    void exportedCandidatesImportBackIntoAnotherClusterUnchanged() throws IOException {
        String from = TestData.newCluster();
        String to = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", from);
        Map<String, Object> body = TestData.candidate(TestData.unique("RT"), sponsor, from, "1.1", "PHASE_3");
        body.put("nameZh", "赛立奇单抗，“金立希”");
        body.put("indication", "Plaque psoriasis, \"moderate\" to severe\nsecond line");
        body.put("designations", List.of("PRIORITY_REVIEW", "CONDITIONAL_APPROVAL"));
        body.put("expectedDecisionOn", "2027-01-31");
        TestData.create("/api/v1/candidates", body);
        TestData.newCandidate(sponsor, from, "2.2", "PHASE_1");

        String otherSponsor = TestData.newOrganization("CN-HB", to);
        String csv = export(from).replace(from, to).replace(sponsor, otherSponsor);
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/candidates/import")
                .then().statusCode(200).body("dryRun", equalTo(false)).body("rows", equalTo(2)).body("ids", hasSize(2));

        List<CSVRecord> original = CsvExportTest.parse(export(from));
        List<CSVRecord> imported = CsvExportTest.parse(export(to));
        assertEquals(original.size(), imported.size());
        for (int i = 0; i < original.size(); i++) {
            for (String column : COMPARED) {
                assertEquals(original.get(i).get(column), imported.get(i).get(column), column);
            }
            assertEquals(to, imported.get(i).get("clusterId"));
            assertEquals(otherSponsor, imported.get(i).get("sponsorId"));
        }
    }

    @Test
    void oneBadRowRejectsTheFileAndWritesNothing() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String header = "code,name,sponsorId,clusterId,category,registrationClass,modality,phase\n";
        String csv = header
                + TestData.unique("OK") + ",fine," + sponsor + "," + cluster + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1\n"
                + TestData.unique("BAD") + ",bad," + sponsor + "," + cluster + ",CHEMICAL,Class one,SMALL_MOLECULE,PHASE_9\n"
                + TestData.unique("OK") + ",\"also, fine\"," + sponsor + "," + cluster + ",TCM,1.1,TCM_FORMULA,PHASE_2\n";
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/candidates/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cqdrug:problem:import-rejected"))
                .body("errors.line", hasItems(3))
                .body("errors.field", hasItems("phase"))
                .body("detail", containsString("nothing was imported"));
        given().queryParam("clusterId", cluster).get("/api/v1/candidates").then().body("items", hasSize(0));
    }

    @Test
    void missingReferencesAndDuplicatesAreReportedPerLine() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String code = TestData.unique("DUP");
        String csv = "code,sponsorId,clusterId,category,registrationClass,modality,phase\n"
                + code + "," + sponsor + ",no-such-cluster,CHEMICAL,1,SMALL_MOLECULE,PHASE_1\n"
                + code + "," + sponsor + "," + cluster + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1\n"
                + code + "," + sponsor + "," + cluster + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1\n";
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/candidates/import")
                .then().statusCode(422)
                .body("errors.line", contains(2, 4))
                .body("errors.field", contains("clusterId", "code"));
    }

    @Test
    void dryRunValidatesWithoutWriting() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String clusterCode = given().get("/api/v1/clusters/" + cluster).then().extract().path("code");
        String csv = "code,sponsorId,clusterId,category,registrationClass,modality,phase\n"
                + TestData.unique("DRY") + "," + sponsor + "," + clusterCode + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1\n";
        given().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", true).post("/api/v1/candidates/import")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("rows", equalTo(1));
        given().queryParam("clusterId", cluster).get("/api/v1/candidates").then().body("items", hasSize(0));
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/candidates/import").then().statusCode(200);
        given().queryParam("clusterId", cluster).get("/api/v1/candidates").then().body("items", hasSize(1));
    }

    @Test
    void unreadableCsvIsRefusedWithAProblem() {
        given().contentType("text/csv; charset=UTF-8").body("code\n\"unterminated").post("/api/v1/candidates/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("not readable CSV"));
    }

    @Test
    void aTrailingBlankLineIsIgnoredAndThePhaseDateIsRead() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String csv = "code,sponsorId,clusterId,category,registrationClass,modality,phase,phaseReachedOn\r\n"
                + TestData.unique("BL") + "," + sponsor + "," + cluster + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_2,2023-04-05\r\n\r\n";
        String id = given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/candidates/import")
                .then().statusCode(200).body("rows", equalTo(1)).extract().path("ids[0]");
        given().get("/api/v1/candidates/" + id + "/milestones").then().body("[0].reachedOn", equalTo("2023-04-05"));
    }

    @Test
    void unknownColumnsAreRefused() {
        given().contentType("text/csv; charset=UTF-8").body("code,colour\nX,red\n").post("/api/v1/candidates/import")
                .then().statusCode(422).body("errors.field", contains("colour"));
    }

    @Test
    void approvalsImportByCandidateCodeAndMoveTheCandidates() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String code = TestData.unique("IMP");
        String candidate = TestData.create("/api/v1/candidates",
                TestData.candidate(code, sponsor, cluster, "1", "NDA_SUBMITTED"));
        String number = TestData.unique("国药准字S");
        String csv = "candidateId,authority,approvedOn,approvalNumber,approvalType,indication,evidence,sourceUrl\n"
                + code + ",NMPA,2026-03-03," + number + ",CONDITIONAL,\"Psoriasis, adults\",CONFIRMED,"
                + "https://www.nmpa.gov.cn/approval\n";
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/approvals/import").then().statusCode(200)
                .body("rows", equalTo(1));
        given().get("/api/v1/candidates/" + candidate).then().body("phase", equalTo("APPROVED"));
        given().queryParam("candidateId", candidate).get("/api/v1/approvals").then()
                .body("items[0].approvalNumber", equalTo(number))
                .body("items[0].indication", equalTo("Psoriasis, adults"))
                .body("items[0].registrationClass", equalTo("1"));
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/approvals/import").then().statusCode(422)
                .body("errors.field", contains("approvalNumber"));
    }

    @Test
    void approvalsWithoutTheirNumbersYetImportSideBySideWithTheirDateBounds() {
        String sponsor = TestData.newOrganization("CN-HB", null);
        String first = TestData.unique("NN");
        String second = TestData.unique("NN");
        String firstId = TestData.create("/api/v1/candidates", TestData.candidate(first, sponsor, null, "1", "NDA_SUBMITTED"));
        String secondId = TestData.create("/api/v1/candidates", TestData.candidate(second, sponsor, null, "1", "NDA_SUBMITTED"));
        String csv = "candidateId,approvedOn,datePrecision,latestApprovedOn,evidence\n"
                + first + ",2025-11-01,MONTH,,REPORTED\n"
                + second + ",2024-07-30,RANGE,2025-11-26,REPORTED\n";
        given().contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/approvals/import").then().statusCode(200)
                .body("rows", equalTo(2));
        given().queryParam("candidateId", firstId).get("/api/v1/approvals").then()
                .body("items[0].approvalNumber", org.hamcrest.Matchers.nullValue())
                .body("items[0].latestApprovedOn", equalTo("2025-11-30"));
        given().queryParam("candidateId", secondId).get("/api/v1/approvals").then()
                .body("items[0].approvalNumber", org.hamcrest.Matchers.nullValue())
                .body("items[0].datePrecision", equalTo("RANGE"))
                .body("items[0].latestApprovedOn", equalTo("2025-11-26"));
    }

    @Test
    void futureDatesFailTheDryRunWithTheirLineAsTheRealImportWould() {
        String cluster = TestData.newCluster();
        String sponsor = TestData.newOrganization("CN-HB", cluster);
        String code = TestData.unique("FUT");
        String candidates = "code,sponsorId,clusterId,category,registrationClass,modality,phase,phaseReachedOn\n"
                + TestData.unique("NOW") + "," + sponsor + "," + cluster + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1,2024-01-01\n"
                + code + "," + sponsor + "," + cluster + ",CHEMICAL,1,SMALL_MOLECULE,PHASE_1,2099-01-01\n";
        for (boolean dryRun : new boolean[] {true, false}) {
            given().contentType("text/csv; charset=UTF-8").body(candidates).queryParam("dryRun", dryRun)
                    .post("/api/v1/candidates/import")
                    .then().statusCode(422).body("type", equalTo("urn:cqdrug:problem:import-rejected"))
                    .body("errors.line", contains(3)).body("errors.field", contains("phaseReachedOn"));
        }
        assertEquals(0, TestData.count("select count(*) from candidate where cluster_id = cast(? as uuid)", cluster));

        String candidate = TestData.create("/api/v1/candidates",
                TestData.candidate(code, sponsor, cluster, "1", "NDA_SUBMITTED"));
        String approvals = "candidateId,approvedOn,approvalNumber,evidence\n" + candidate + ",2099-05-05,"
                + TestData.unique("N") + ",UNCONFIRMED\n";
        for (boolean dryRun : new boolean[] {true, false}) {
            given().contentType("text/csv; charset=UTF-8").body(approvals).queryParam("dryRun", dryRun)
                    .post("/api/v1/approvals/import")
                    .then().statusCode(422).body("errors.line", contains(2)).body("errors.field", contains("approvedOn"));
        }
        assertEquals(0, TestData.count("select count(*) from approval where candidate_id = cast(? as uuid)", candidate));
    }

    @Test
    void anApplicationFaultDuringAnImportIsNotReportedAsUnreadableCsv() {
        CsvImport<CandidateInput> csv = new CsvImport<>(CandidateInput.class, Set.of("code"), Set.of(), json, validator);
        IllegalStateException fault = assertThrows(IllegalStateException.class, () -> csv.read("code\nX\n",
                (cells, error) -> {
                    throw new IllegalStateException("connection pool exhausted");
                }));
        assertEquals("connection pool exhausted", fault.getMessage());
        ApiProblem unreadable = assertThrows(ApiProblem.class, () -> csv.read("code\n\"unterminated",
                (cells, error) -> {
                }));
        assertEquals(ProblemType.IMPORT_REJECTED, unreadable.type);
    }
}
