package org.cqdrug.tracker.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Installs the REST Assured filters every test runs with, before every Quarkus test (registered in
 * META-INF/services): {@link ReadBeforeWrite} and {@link ContractCheck}. Installing them here, not when some class
 * happens to load, keeps every test under the contract check whatever the order tests run in.
 */
public class TestFilters implements QuarkusTestBeforeEachCallback {

    private static boolean installed;

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    static synchronized void install() {
        if (!installed) {
            RestAssured.filters(new ReadBeforeWrite(), new ContractCheck());
            installed = true;
        }
    }
}
