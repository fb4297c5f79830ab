package org.cqdrug.tracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.cqdrug.tracker.testsupport.Lanes;
import org.junit.jupiter.api.Tag;

/**
 * The shape of the code, checked on every build: the feature packages depend on each other as a tree (no cycle),
 * the shared vocabulary in {@code common} depends on no feature, and resources carry only HTTP concerns. The rules
 * run as plain JUnit tests: ArchUnit's own JUnit 5 engine finds no tests under the JUnit Platform 6 that Quarkus
 * brings.
 */
@Tag(Lanes.UNIT)
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.cqdrug.tracker");

    private static final String[] FEATURES = {"org.cqdrug.tracker.approval..", "org.cqdrug.tracker.candidate..",
            "org.cqdrug.tracker.cluster..", "org.cqdrug.tracker.collaboration..", "org.cqdrug.tracker.indicator..",
            "org.cqdrug.tracker.organization..", "org.cqdrug.tracker.statistics..", "org.cqdrug.tracker.target..",
            "org.cqdrug.tracker.openapi.."};

    private static final String[] PERSISTENCE = {"jakarta.persistence..", "org.hibernate..",
            "io.quarkus.hibernate.orm..", "java.sql..", "javax.sql..", "io.agroal.."};

    @Test
    void featurePackagesFormNoCycle() {
        slices().matching("org.cqdrug.tracker.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.cqdrug.tracker.common..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES).check(MAIN);
    }

    @Test
    void resourcesTouchNoEntityManagerOrSql() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                .because("queries belong to services and repositories").check(MAIN);
    }

    @Test
    void resourcesNeverHandleEntities() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("entities never leave through the API; resources see input and view records only").check(MAIN);
    }

    @Test
    void resourcesHoldNoTransactions() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.transaction..", "io.quarkus.narayana..")
                .because("transactions belong to the service classes").check(MAIN);
    }

    @Test
    void entitiesStayInsideTheirFeature() {
        noClasses().that().resideInAPackage("..mapping..").and().haveSimpleNameNotEndingWith("MapperImpl")
                .and().haveSimpleNameNotEndingWith("Mapper")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("input and view records describe the API, not the tables").check(MAIN);
    }
}
