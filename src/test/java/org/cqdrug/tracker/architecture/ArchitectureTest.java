package org.cqdrug.tracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.web.TrackerApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked on every build (src/docs/architecture.md). Every top-level package belongs to one
 * layer, and a layer uses only the layers below it: the base ({@code common}), the platform's subsystems, the
 * features, and the top (what is derived from every feature). Within a layer, and at every level of packages, the
 * dependencies form no cycle. Resources carry only HTTP concerns and are marked as API resources, and every test
 * class names its lane. The rules run as plain JUnit tests: ArchUnit's own JUnit 5 engine finds no tests under the
 * JUnit Platform 6 that Quarkus brings.
 */
@Tag(Lanes.UNIT)
class ArchitectureTest {

    private static final String ROOT = "org.cqdrug.tracker";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages(ROOT);

    /** The layers, lowest first, with their top-level packages. */
    private static final Map<String, List<String>> LAYERS = Map.of(
            "Base", List.of("common"),
            "Platform", List.of("database", "web", "spreadsheet", "access", "ratelimit", "httpcache", "idempotency",
                    "monitoring", "feed"),
            "Features", List.of("apikey", "approval", "candidate", "cluster", "collaboration", "indicator",
                    "organization", "published", "source", "statistics", "target"),
            "Top", List.of("changes", "notification", "registry", "openapi", "bench"));

    private static final String[] PERSISTENCE = {"jakarta.persistence..", "org.hibernate..",
            "io.quarkus.hibernate.orm..", "java.sql..", "javax.sql..", "io.agroal.."};

    @Test
    void everyTopLevelPackageBelongsToOneLayer() {
        Set<String> found = MAIN.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> assigned = LAYERS.values().stream().flatMap(List::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(assigned, found, "a top-level package without a layer, or a layer naming a package that is gone");
        assertEquals(assigned.size(), LAYERS.values().stream().mapToInt(List::size).sum(), "a package in two layers");
    }

    @Test
    void layersUseOnlyTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Base").definedBy(packages("Base"))
                .layer("Platform").definedBy(packages("Platform"))
                .layer("Features").definedBy(packages("Features"))
                .layer("Top").definedBy(packages("Top"))
                .whereLayer("Top").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Top")
                .whereLayer("Platform").mayOnlyBeAccessedByLayers("Features", "Top")
                .check(MAIN);
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void packagesAtEveryLevelFormNoCycle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void apiResourcesAreMarkedForTheFilterChain() {
        classes().that(servedUnderApi()).should().beAnnotatedWith(TrackerApi.class)
                .because("the filter chain (web.FilterOrder) runs for @TrackerApi resources only").check(MAIN);
        classes().that().areAnnotatedWith(Path.class).and().resideInAPackage("..rest..")
                .should(new ArchCondition<>("be served under /api/") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        if (!servedUnderApi().test(type)) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " is not under /api/"));
                        }
                    }
                }).check(MAIN);
    }

    private static DescribedPredicate<JavaClass> servedUnderApi() {
        return DescribedPredicate.describe("are resources under /api/", type -> type.isAnnotatedWith(Path.class)
                && type.getAnnotationOfType(Path.class).value().startsWith("/api/"));
    }

    @Test
    void everyReplayablePostStoresItsAnswerWithItsWrite() {
        methods().that().areAnnotatedWith(jakarta.ws.rs.POST.class)
                .and().areDeclaredInClassesThat().areAnnotatedWith(TrackerApi.class)
                .and().areDeclaredInClassesThat().areNotAnnotatedWith(org.cqdrug.tracker.idempotency.NotReplayed.class)
                .should().beAnnotatedWith(org.cqdrug.tracker.idempotency.Idempotent.class)
                .because("an Idempotency-Key's answer is stored in the transaction of the write (IdempotentWrites)")
                .check(MAIN);
    }

    @Test
    void transactionsAreRunAgainAfterACollision() {
        classes().that().areAnnotatedWith(jakarta.transaction.Transactional.class)
                .should().beAnnotatedWith(org.cqdrug.tracker.database.RetriedOnConflict.class)
                .because("a transaction rolled back by a serialization failure or deadlock is safe to run again")
                .check(MAIN);
        methods().that().areAnnotatedWith(jakarta.transaction.Transactional.class)
                .should().beDeclaredInClassesThat().areAnnotatedWith(org.cqdrug.tracker.database.RetriedOnConflict.class)
                .check(MAIN);
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

    @Test
    void everyTestClassNamesOneLane() {
        Set<String> lanes = Set.of(Lanes.UNIT, Lanes.DATABASE, Lanes.BROWSER, Lanes.PACKAGED);
        List<String> untagged = TESTS.stream()
                .filter(type -> type.getMethods().stream().anyMatch(method ->
                        method.isAnnotatedWith(Test.class)
                                || method.isAnnotatedWith("org.junit.jupiter.params.ParameterizedTest")))
                .filter(type -> !type.isAnnotatedWith(Tag.class)
                        || !lanes.contains(type.getAnnotationOfType(Tag.class).value()))
                .map(JavaClass::getName).sorted().toList();
        assertEquals(List.of(), untagged, "test classes without a lane tag (testsupport.Lanes)");
    }

    private static String[] packages(String layer) {
        return LAYERS.get(layer).stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new);
    }

}
