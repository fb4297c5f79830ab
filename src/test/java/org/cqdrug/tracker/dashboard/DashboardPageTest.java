package org.cqdrug.tracker.dashboard;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.cqdrug.tracker.testsupport.TestData;
import org.cqdrug.tracker.spreadsheet.Format;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/** The dashboard page in a real headless Chromium, against the service and its seeded data. */
@Tag(Lanes.BROWSER)
@QuarkusTest
class DashboardPageTest {

    private static final String CHONGQING_ANNUAL = "01900000-0000-7000-8000-000000000601";
    private static final String AS_OF = "2026-11-28";

    /** Numbers as the page's JavaScript reads them, rather than RestAssured's default floats. */
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        browser.close();
    }

    private String page(String query) {
        return root + "?" + query;
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> seriesValues(String chartId, int series) {
        return (List<Object>) browser.script("""
                const option = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();
                return option.series[arguments[1]].data.map(d => d !== null && typeof d === 'object' ? d.value : d);
                """, chartId, series);
    }

    private static String text(String selector) {
        return browser.driver().findElement(By.cssSelector(selector)).getText();
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void theChartsAndTablesShowWhatTheApiAnswersWithoutAConsoleError() throws IOException {
        browser.consoleProblems();
        assertEquals("ready", browser.open(page("lang=en&target=" + CHONGQING_ANNUAL + "&asOf=" + AS_OF)));

        // How current the counts are: one "saved … ago" per kind of official list uploaded, as the API says.
        List<Map<String, Object>> lists = given().get("/api/v1/sources/freshness").then().statusCode(200).extract()
                .jsonPath().getList("$");
        long saved = lists.stream().filter(entry -> entry.get("documentId") != null).count();
        String freshness = text("#freshness");
        assertEquals(saved, freshness.split("saved", -1).length - 1L, freshness);
        assertTrue(freshness.startsWith(saved == 0 ? "No official list imported yet" : "Official lists: "), freshness);

        JsonPath report = given().queryParam("targetId", CHONGQING_ANNUAL).queryParam("asOf", AS_OF)
                .queryParam("include", "approvals")
                .get("/api/v1/indicators").then().statusCode(200).extract().jsonPath().using(DOUBLES);
        List<Map<String, Object>> items = report.getList("items");
        // Bars: each year's actual count; line: each forecast year's expected count.
        assertEquals(items.stream().map(item -> ((Number) item.get("actual")).doubleValue()).toList(),
                seriesValues("annual-" + CHONGQING_ANNUAL, 0).stream().map(DashboardPageTest::number).toList());
        List<Object> expected = seriesValues("annual-" + CHONGQING_ANNUAL, 1);
        for (int i = 0; i < items.size(); i++) {
            Map<?, ?> forecast = (Map<?, ?>) items.get(i).get("forecast");
            assertEquals(forecast == null ? null : number(forecast.get("expected")),
                    expected.get(i) == null ? null : number(expected.get(i)), "expected count of " + items.get(i).get("year"));
        }
        // Each forecast year's distribution, drawn with its probabilities as labels.
        int drawn = 0;
        for (Map<String, Object> item : items) {
            Map<?, ?> forecast = (Map<?, ?>) item.get("forecast");
            if (forecast == null) {
                continue;
            }
            List<Map<?, ?>> distribution = (List<Map<?, ?>>) forecast.get("distribution");
            String chartId = "distribution-" + CHONGQING_ANNUAL + "-" + item.get("year");
            assertEquals(distribution.stream().map(entry -> number(entry.get("probability"))).toList(),
                    seriesValues(chartId, 0).stream().map(DashboardPageTest::number).toList());
            String svgText = text("#" + chartId);
            for (Map<?, ?> entry : distribution) {
                assertTrue(svgText.contains(percent(number(entry.get("probability")))), svgText);
            }
            String line = text("#target-" + CHONGQING_ANNUAL + " li[data-year='" + item.get("year") + "']");
            assertTrue(line.contains(percent(number(forecast.get("probabilityMeetingMin")))), line);
            drawn++;
        }
        assertEquals(2, drawn, "2026 and 2027 have forecasts as of " + AS_OF);

        // The league: every target side by side, with the numbers the API ranks them by.
        List<Map<String, Object>> league = given().queryParam("asOf", AS_OF).get("/api/v1/indicators/league")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES).getList("$");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#league tbody tr"));
        assertEquals(league.size(), rows.size());
        for (int i = 0; i < league.size(); i++) {
            WebElement row = rows.get(i);
            assertEquals(league.get(i).get("targetId"), row.getAttribute("data-target"));
            assertEquals(String.valueOf(league.get(i).get("actual")), row.findElement(By.cssSelector("[data-field=actual]")).getText());
            assertEquals(String.valueOf(league.get(i).get("goal")), row.findElement(By.cssSelector("[data-field=goal]")).getText());
            // A target whose years are all past has no chance left to give: the page shows a dash.
            Object probability = league.get(i).get("probability");
            assertEquals(probability == null ? "–" : percent(number(probability)),
                    row.findElement(By.cssSelector("[data-field=probability]")).getText());
        }

        // A published count sits beside the league's own count, labelled as the region's own claim.
        for (int i = 0; i < league.size(); i++) {
            Map<?, ?> published = (Map<?, ?>) league.get(i).get("published");
            String cell = rows.get(i).findElement(By.cssSelector("[data-field=published]")).getText();
            assertTrue(published == null ? cell.isEmpty()
                    : cell.startsWith("says " + ((Number) published.get("value")).intValue() + " ("), cell);
        }
        assertTrue(text("#league thead").contains("Region's own count"), text("#league thead"));

        // Regions compared, for the last whole year: the tracker's confirmed count and each region's own count.
        JsonPath regions = given().queryParam("year", 2025).queryParam("asOf", AS_OF).get("/api/v1/indicators/regions")
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
        List<Map<String, Object>> regionRows = regions.getList("regions");
        List<WebElement> shownRegions = browser.driver().findElements(By.cssSelector("#regions tbody tr"));
        assertEquals(regionRows.stream().map(r -> r.get("regionCode")).toList(),
                shownRegions.stream().map(row -> row.getAttribute("data-region")).toList());
        for (int i = 0; i < regionRows.size(); i++) {
            Map<String, Object> row = regionRows.get(i);
            WebElement shown = shownRegions.get(i);
            assertEquals(String.valueOf(row.get("counted")), shown.findElement(By.cssSelector("[data-field=counted]")).getText());
            Object published = row.get("published");
            String publishedCell = shown.findElement(By.cssSelector("[data-field=published]")).getText();
            assertEquals(published == null ? "–" : String.valueOf(((Number) published).intValue()),
                    publishedCell.split(" ")[0], "published count of " + row.get("regionCode"));
            assertEquals(row.get("coverage") == null ? "–" : percent(number(row.get("coverage"))),
                    shown.findElement(By.cssSelector("[data-field=coverage]")).getText());
        }
        assertEquals(regionRows.stream().map(r -> number(r.get("counted"))).toList(),
                seriesValues("regions-chart", 0).stream().map(DashboardPageTest::number).toList());
        assertEquals(regionRows.stream().map(r -> r.get("published") == null ? null : number(r.get("published"))).toList(),
                seriesValues("regions-chart", 1).stream().map(v -> v == null ? null : number(v)).toList());
        assertTrue(text("#regions-note").contains("76"), text("#regions-note"));
        assertTrue(text("#regions thead").contains("Region's own count"), text("#regions thead"));

        // The pipeline, phase by phase: the categories' bars add up to the phase's count, which labels its row.
        JsonPath pipeline = given().get("/api/v1/pipeline").then().statusCode(200).extract().jsonPath().using(DOUBLES);
        List<Map<String, Object>> byPhase = pipeline.getList("byPhase");
        List<String> phases = List.of("PRECLINICAL", "IND_APPROVED", "PHASE_1", "PHASE_2", "PHASE_3", "NDA_SUBMITTED",
                "APPROVED", "DISCONTINUED");
        List<?> stacked = (List<?>) browser.script("""
                const option = echarts.getInstanceByDom(document.getElementById('pipeline-chart')).getOption();
                return option.yAxis[0].data.map((label, i) => option.series.reduce((sum, s) => sum + s.data[i], 0));
                """);
        String pipelineText = text("#pipeline-chart");
        for (int i = 0; i < phases.size(); i++) {
            String phase = phases.get(i);
            Object count = byPhase.stream().filter(p -> phase.equals(p.get("phase"))).findFirst().orElseThrow().get("count");
            assertEquals(number(count), number(stacked.get(i)), phase);
        }
        assertTrue(pipelineText.contains("Phase 3 " + byPhase.stream().filter(p -> "PHASE_3".equals(p.get("phase")))
                .findFirst().orElseThrow().get("count").toString().replace(".0", "")), pipelineText);

        // The latest approvals, newest first, with their evidence levels.
        List<Map<String, Object>> approvals = given().queryParam("approvedTo", AS_OF).queryParam("sort", "-approvedOn")
                .queryParam("limit", 10).get("/api/v1/approvals").then().statusCode(200).extract().jsonPath().using(DOUBLES).getList("items");
        List<WebElement> approvalRows = browser.driver().findElements(By.cssSelector("#approvals tbody tr"));
        assertEquals(approvals.stream().map(a -> a.get("id")).toList(),
                approvalRows.stream().map(row -> row.getAttribute("data-approval")).toList());
        for (int i = 0; i < approvals.size(); i++) {
            assertEquals(approvals.get(i).get("evidence"),
                    approvalRows.get(i).findElement(By.cssSelector(".chip.evidence")).getAttribute("data-value"));
        }

        // A scorecard per cluster.
        List<Map<String, Object>> clusters = given().queryParam("limit", 500).get("/api/v1/clusters").then().statusCode(200)
                .extract().jsonPath().using(DOUBLES).getList("items");
        assertEquals(clusters.size(), browser.driver().findElements(By.cssSelector(".scorecard")).size());
        String bioCity = "01900000-0000-7000-8000-000000000101";
        JsonPath card = given().queryParam("year", 2026).get("/api/v1/clusters/" + bioCity + "/scorecard").then()
                .statusCode(200).extract().jsonPath().using(DOUBLES);
        assertEquals("Class 1 " + card.getInt("approvalsToDate.class1") + " · all " + card.getInt("approvalsToDate.all"),
                text(".scorecard[data-cluster='" + bioCity + "'] [data-field=approvalsToDate]"));

        // An approval short of confirmed is listed under its year, and says that it does not count.
        for (Map<String, Object> item : items) {
            for (Map<?, ?> approval : (List<Map<?, ?>>) item.get("approvals")) {
                WebElement listed = browser.driver().findElement(By.xpath("//li[@data-year='" + item.get("year")
                        + "']//span[@class='counted-approval'][contains(., '" + approval.get("approvedOn") + "')]"));
                assertEquals(String.valueOf("CONFIRMED".equals(approval.get("evidence"))), listed.getAttribute("data-counted"));
            }
        }

        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void thePageSaysWhatItCountsAndWhenTheDataLastChanged() {
        browser.consoleProblems();
        assertEquals("ready", browser.open(page("lang=en&target=" + CHONGQING_ANNUAL + "&asOf=" + AS_OF)));
        // The target menu names each target; the counts say which evidence they count.
        List<String> names = given().get("/api/v1/targets").then().statusCode(200).extract().jsonPath().getList("items.name");
        List<String> menu = new Select(browser.driver().findElement(By.name("target"))).getOptions().stream()
                .map(WebElement::getText).toList();
        assertTrue(menu.containsAll(names), menu.toString());
        assertEquals("Counting confirmed approvals (with an official source)", text("#yearly-evidence"));
        assertEquals("Counting confirmed approvals (with an official source)",
                text("#target-" + CHONGQING_ANNUAL + " [data-field=evidence-counted]"));
        // Beside each year's confirmed count, what it would be if the reports hold: 2025 and 2026 have one each.
        JsonPath report = given().queryParam("targetId", CHONGQING_ANNUAL).queryParam("asOf", AS_OF)
                .get("/api/v1/indicators").then().statusCode(200).extract().jsonPath();
        assertEquals(1, report.getInt("items[0].byEvidence.confirmedOrReported"));
        assertEquals("(1 if the reports hold)",
                text("#target-" + CHONGQING_ANNUAL + " li[data-year='2025'] [data-field=if-reports]"));
        // The time the data last changed is the latest revision's, not the page's load time.
        String changedAt = given().queryParam("limit", 1).get("/api/v1/changes").then().statusCode(200).extract()
                .path("latestChangedAt");
        assertTrue(changedAt != null && text("#data-changed").startsWith("Data last changed "), text("#data-changed"));
        // Asked to count reports too, the bars and the yearly chart say so and count them.
        new Select(browser.driver().findElement(By.name("evidence"))).selectByValue("REPORTED");
        browser.waiting().until(d -> d.getCurrentUrl().contains("evidence=REPORTED")
                && "Counting confirmed and reported approvals".equals(text("#yearly-evidence")));
        assertEquals(report.getList("items.byEvidence.confirmedOrReported").stream().map(n -> ((Number) n).doubleValue())
                .toList(), seriesValues("annual-" + CHONGQING_ANNUAL, 0).stream().map(DashboardPageTest::number).toList());
        List<Object> reportedYears = given().queryParam("evidence", "REPORTED")
                .queryParam("from", 2017).queryParam("to", 2026).get("/api/v1/approvals/yearly").then().statusCode(200)
                .extract().jsonPath().getList("items.class1");
        assertEquals(reportedYears.stream().map(n -> ((Number) n).doubleValue()).toList(),
                seriesValues("yearly", 1).stream().map(DashboardPageTest::number).toList());
        // The Chinese view's downloads are in Chinese.
        browser.driver().findElement(By.id("lang")).click();
        browser.waiting().until(d -> d.findElement(By.cssSelector("[data-download=approvals] a[data-format=xlsx]"))
                .getAttribute("href").contains("lang=zh"));
        assertTrue(text("#data-changed").startsWith("数据最近更新于"), text("#data-changed"));
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void chineseNamesRenderWithACjkFontAndThePageFitsAPhone() throws IOException {
        browser.consoleProblems();
        assertEquals("ready", browser.open(page("lang=zh&asOf=" + AS_OF)));
        assertEquals("zh-CN", browser.script("return document.documentElement.lang"));
        assertEquals("重庆创新药目标进展", text("h1"));
        assertTrue(text("#scorecards").contains("重庆国际生物城"));
        // Without a font holding Chinese glyphs, these names would be drawn as boxes.
        assertEquals(Boolean.TRUE, browser.script("return document.fonts.check('16px \"Noto Sans CJK SC\"', '重庆')"));
        browser.screenshot("dashboard-desktop");

        browser.resize(Browser.PHONE);
        try {
            browser.script("window.dispatchEvent(new Event('resize'))");
            Number overflow = (Number) browser.script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow.intValue() <= 0, "the page is wider than a phone by " + overflow + " px");
            assertTrue(Files.size(browser.screenshot("dashboard-phone")) > 10_000);
        } finally {
            browser.resize(Browser.DESKTOP);
        }
        assertEquals(List.of(), browser.consoleProblems());
    }

    @Test
    void filtersAndLanguageAreKeptInTheUrlSoAViewCanBeShared() {
        assertEquals("ready", browser.open(page("lang=en&asOf=" + AS_OF)));
        new Select(browser.driver().findElement(By.name("region"))).selectByValue("CN-BJ");
        browser.waiting().until(d -> d.getCurrentUrl().contains("region=CN-BJ")
                && "ready".equals(browser.state())
                && d.findElements(By.cssSelector("#league tbody tr")).size() == 1);
        browser.driver().findElement(By.id("lang")).click();
        browser.waiting().until(d -> d.getCurrentUrl().contains("lang=zh") && "重庆创新药目标进展".equals(text("h1")));
        String shared = browser.driver().getCurrentUrl();

        assertEquals("ready", browser.open(shared));
        assertEquals("CN-BJ", new Select(browser.driver().findElement(By.name("region"))).getFirstSelectedOption()
                .getAttribute("value"));
        assertEquals(AS_OF, browser.driver().findElement(By.name("asOf")).getAttribute("value"));
        assertEquals("bj-innovative-drugs-2024-2026",
                browser.driver().findElement(By.cssSelector(".target")).getAttribute("data-code"));
        // The page's downloads are the same view as a spreadsheet.
        String xlsx = browser.driver().findElement(By.cssSelector("[data-download=approvals] a[data-format=xlsx]"))
                .getAttribute("href");
        assertTrue(xlsx.contains("regionCode=CN-BJ") && xlsx.contains("format=xlsx"), xlsx);
        given().get(xlsx.substring(root.toString().length() - 1)).then().statusCode(200).contentType(Format.XLSX_TYPE);
        String csv = browser.driver().findElement(By.cssSelector("[data-download=league] a[data-format=csv]"))
                .getAttribute("href");
        assertTrue(csv.contains("bom=true") && csv.contains("/indicators/league"), csv);
        byte[] league = given().get(csv.substring(root.toString().length() - 1)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, league[0]);
        // Each section's feed is Atom for that view; each target says when its outlook last changed.
        String feed = browser.driver().findElement(By.cssSelector("[data-download=approvals] a[data-format=atom]"))
                .getAttribute("href");
        assertTrue(feed.contains("/events?") && feed.contains("regionCode=CN-BJ") && feed.contains("lang=zh"), feed);
        given().urlEncodingEnabled(false).get(feed.substring(root.toString().length() - 1)).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml")); // as the page encoded it
        String targetFeed = browser.driver().findElement(By.cssSelector(".target a[data-format=atom]")).getAttribute("href");
        assertTrue(targetFeed.contains("targetId=") && targetFeed.contains("target.outlook_changed"), targetFeed);
        assertTrue(text(".target [data-field=outlook-changed]").startsWith("前景"), text(".target [data-field=outlook-changed]"));
    }

    @Test
    void goingBackToAViewAlreadySeenDrawsItAgainThoughEveryAnswerIs304() {
        assertEquals("ready", browser.open(page("lang=en&asOf=" + AS_OF)));
        int all = browser.driver().findElements(By.cssSelector("#league tbody tr")).size();
        Select region = new Select(browser.driver().findElement(By.name("region")));
        region.selectByValue("CN-BJ");
        browser.waiting().until(d -> d.findElements(By.cssSelector("#league tbody tr")).size() == 1);
        String notModified = (String) browser.script("return document.body.dataset.notModified");
        new Select(browser.driver().findElement(By.name("region"))).selectByValue("");
        browser.waiting().until(d -> !notModified.equals(browser.script("return document.body.dataset.notModified"))
                && "ready".equals(browser.state()));
        assertTrue(all > 1);
        assertEquals(all, browser.driver().findElements(By.cssSelector("#league tbody tr")).size());
        assertEquals(1, browser.driver().findElements(By.cssSelector(".target[data-code='cq-class1-approvals-2025-2027']"))
                .size());
    }

    @Test
    @TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
    void aRefreshWithNothingChangedCostsOnly304sAndAChangeIsShownOnTheNext() {
        assertEquals("ready", browser.open(page("lang=en&asOf=" + AS_OF)));
        int requests = Integer.parseInt((String) browser.script("return document.body.dataset.requests"));
        int notModified = Integer.parseInt((String) browser.script("return document.body.dataset.notModified"));
        assertEquals(0, notModified);

        browser.driver().findElement(By.id("refresh")).click();
        browser.waiting().until(d -> "2".equals(browser.script("return document.body.dataset.loads")));
        int asked = Integer.parseInt((String) browser.script("return document.body.dataset.requests")) - requests;
        int unchanged = Integer.parseInt((String) browser.script("return document.body.dataset.notModified"));
        assertTrue(asked > 5, "a refresh asks again for everything shown");
        assertEquals(asked, unchanged, "every answer was 304");
        assertTrue(text("#status").startsWith("Checked"), text("#status"));

        String changedBefore = text("#data-changed");
        String cluster = TestData.newCluster();
        browser.driver().findElement(By.id("refresh")).click();
        browser.waiting().until(d -> "3".equals(browser.script("return document.body.dataset.loads")));
        // "Loaded" is when the page read the data; "Data last changed" moves only with the data.
        assertTrue(text("#status").startsWith("Loaded"), text("#status"));
        assertTrue(text("#data-changed").startsWith("Data last changed") && !text("#data-changed").equals(changedBefore),
                changedBefore + " / " + text("#data-changed"));
        assertEquals(1, browser.driver().findElements(By.cssSelector(".scorecard[data-cluster='" + cluster + "']")).size());
    }

    @Test
    void anApiErrorShowsItsProblemRatherThanABlankPage() {
        browser.consoleProblems();
        assertEquals("error", browser.open(page("lang=en&target=01900000-0000-7000-8000-000000000699")));
        String detail = text("#error-detail");
        assertTrue(detail.contains("404") && detail.contains("No target with id 01900000-0000-7000-8000-000000000699"), detail);
        assertTrue(browser.driver().findElement(By.id("retry")).isDisplayed());
        assertEquals(false, browser.driver().findElement(By.id("content")).isDisplayed());

        assertEquals("error", browser.open(page("lang=en&asOf=yesterday")));
        assertTrue(text("#error-detail").contains("400"), text("#error-detail"));
        // A way out that does not need the URL edited.
        browser.driver().findElement(By.id("clear")).click();
        browser.waiting().until(d -> "ready".equals(browser.state()));
        assertTrue(!browser.driver().getCurrentUrl().contains("asOf"), browser.driver().getCurrentUrl());
        // The browser reports the failed requests themselves, and nothing else.
        List<String> problems = browser.consoleProblems();
        assertTrue(problems.stream().allMatch(line -> line.contains("status of 404") || line.contains("status of 400")),
                problems.toString());
    }
}
