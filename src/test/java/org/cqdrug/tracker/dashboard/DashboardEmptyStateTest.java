package org.cqdrug.tracker.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

@Tag(Lanes.BROWSER)
@QuarkusTest
@TestProfile(EmptyDatabaseProfile.class)
class DashboardEmptyStateTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void anEmptyDatabaseShowsHowToAddDataInsteadOfEmptyCharts() throws IOException {
        EmptyDatabaseProfile.empty();
        try (Browser browser = new Browser()) {
            assertEquals("empty", browser.open(root + "?lang=en"),
                    () -> browser.driver().findElement(By.tagName("body")).getText());
            String text = browser.driver().findElement(By.id("empty")).getText();
            assertTrue(text.contains("No data yet") && text.contains("POST /api/v1/targets")
                    && text.contains("POST /api/v1/candidates"), text);
            assertEquals("/q/swagger-ui", browser.driver().findElement(By.cssSelector("#empty a"))
                    .getDomAttribute("href"));
            assertEquals(false, browser.driver().findElement(By.id("content")).isDisplayed());
            assertEquals(List.of(), browser.consoleProblems());
            browser.screenshot("dashboard-empty");
        }
    }
}
