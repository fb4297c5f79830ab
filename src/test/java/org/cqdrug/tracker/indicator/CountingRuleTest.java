package org.cqdrug.tracker.indicator;

import static org.cqdrug.tracker.testsupport.ServiceCalls.ifMatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.approval.service.ApprovalService;
import org.cqdrug.tracker.candidate.Modality;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.service.CandidateService;
import org.cqdrug.tracker.cluster.mapping.ClusterInput;
import org.cqdrug.tracker.cluster.service.ClusterService;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.forecast.YearStatus;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.TotalIndicator;
import org.cqdrug.tracker.indicator.mapping.YearIndicator;
import org.cqdrug.tracker.indicator.service.IndicatorService;
import org.cqdrug.tracker.organization.OrganizationKind;
import org.cqdrug.tracker.organization.mapping.OrganizationInput;
import org.cqdrug.tracker.organization.service.OrganizationService;
import org.cqdrug.tracker.target.Metric;
import org.cqdrug.tracker.target.Target;
import org.cqdrug.tracker.target.TargetKind;
import org.cqdrug.tracker.target.mapping.TargetInput;
import org.cqdrug.tracker.target.service.TargetService;
import org.cqdrug.tracker.testsupport.Lanes;
import org.cqdrug.tracker.testsupport.TestData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The counting rule (CountingRule, applied by IndicatorRepository and IndicatorService), called directly on approvals
 * recorded through the services: only CONFIRMED, Class 1 approvals of the target's authority and scope, dated inside
 * the period and by the as-of date, make the actual count. Every test has a cluster of its own that its target is
 * scoped to, so no other test's approvals can count.
 */
@QuarkusTest
@Tag(Lanes.DATABASE)
@TestSecurity(user = "test-admin", roles = {"VIEWER", "EDITOR", "ADMIN"})
class CountingRuleTest {

    @Inject
    IndicatorService indicators;

    @Inject
    IndicatorRepository repository;

    @Inject
    ApprovalService approvals;

    @Inject
    CandidateService candidates;

    @Inject
    OrganizationService organizations;

    @Inject
    ClusterService clusters;

    @Inject
    TargetService targets;

    @Test
    void onlyConfirmedClassOneApprovalsOfTheTargetsAuthorityScopeAndPeriodCount() {
        UUID cluster = cluster();
        UUID local = sponsor("CN-HB", cluster);
        UUID elsewhere = sponsor("CN-SC", cluster);
        UUID target = annualTarget(cluster, 2025, 2026);

        UUID newYearsEve = approve(local, cluster, "1", Authority.NMPA, "2025-12-31", Evidence.CONFIRMED);
        UUID newYearsDay = approve(local, cluster, "1.1", Authority.NMPA, "2026-01-01", Evidence.CONFIRMED);
        UUID reported = approve(local, cluster, "1", Authority.NMPA, "2025-03-01", Evidence.REPORTED);
        UUID unconfirmed = approve(local, cluster, "1", Authority.NMPA, "2025-04-01", Evidence.UNCONFIRMED);
        UUID class22 = approve(local, cluster, "2.2", Authority.NMPA, "2025-06-01", Evidence.CONFIRMED);
        UUID class3 = approve(local, cluster, "3", Authority.NMPA, "2025-06-02", Evidence.CONFIRMED);
        UUID fda = approve(local, cluster, "1", Authority.FDA, "2025-03-03", Evidence.CONFIRMED);
        UUID otherRegion = approve(elsewhere, cluster, "1", Authority.NMPA, "2025-04-04", Evidence.CONFIRMED);
        UUID noCluster = approve(local, null, "1", Authority.NMPA, "2025-05-05", Evidence.CONFIRMED);
        UUID beforePeriod = approve(local, cluster, "1", Authority.NMPA, "2024-12-31", Evidence.CONFIRMED);
        UUID afterAsOf = approve(local, cluster, "1", Authority.NMPA, "2026-07-01", Evidence.CONFIRMED);

        IndicatorReport report = indicators.report(target.toString(), null, LocalDate.of(2026, 6, 30));
        assertEquals(LocalDate.of(2026, 6, 30), report.asOf());
        assertEquals(List.of(2025, 2026), report.items().stream().map(YearIndicator::year).toList());
        YearIndicator y2025 = report.items().get(0);
        assertEquals(1, y2025.actual());
        assertEquals(YearStatus.MET, y2025.status());
        assertEquals(new YearIndicator.EvidenceCounts(1, 2, 3), y2025.byEvidence());
        // Reported and unconfirmed ones are listed beside the confirmed one, oldest first, but not in actual.
        assertEquals(List.of(reported, unconfirmed, newYearsEve), ids(y2025.approvals()));
        YearIndicator y2026 = report.items().get(1);
        assertEquals(1, y2026.actual());
        assertEquals(List.of(newYearsDay), ids(y2026.approvals()));

        // The same rule through the repository, and what each excluded approval lacked: widening only the dates,
        // only the authority or only the scope brings in exactly the approval that failed on it; Class 2.2 and 3 never.
        Scope scope = CountingRule.scope(Target.findById(target));
        assertEquals(new Scope("CN-HB", cluster), scope);
        Map<Integer, List<CountedApproval>> counted = countedByYear(Authority.NMPA, scope,
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30));
        assertEquals(Map.of(2025, List.of(reported, unconfirmed, newYearsEve), 2026, List.of(newYearsDay)),
                idsByYear(counted));
        assertEquals(1, CountingRule.atLevel(counted.get(2025), Evidence.CONFIRMED));
        assertEquals(2, CountingRule.atLevel(counted.get(2025), Evidence.REPORTED));
        assertEquals(3, CountingRule.atLevel(counted.get(2025), Evidence.UNCONFIRMED));

        assertEquals(Map.of(2024, List.of(beforePeriod), 2025, List.of(reported, unconfirmed, newYearsEve),
                2026, List.of(newYearsDay, afterAsOf)), idsByYear(countedByYear(Authority.NMPA, scope,
                        LocalDate.of(2024, 1, 1), LocalDate.of(2026, 11, 28))));
        assertEquals(Map.of(2025, List.of(fda)), idsByYear(countedByYear(Authority.FDA, scope,
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30))));
        assertEquals(Map.of(2025, List.of(reported, unconfirmed, otherRegion, newYearsEve), 2026,
                List.of(newYearsDay)), idsByYear(countedByYear(Authority.NMPA, new Scope(null, cluster),
                        LocalDate.of(2025, 1, 1), LocalDate.of(2026, 6, 30))));
        List<UUID> everCounted = countedByYear(Authority.NMPA, new Scope(null, cluster),
                LocalDate.of(2000, 1, 1), LocalDate.of(2026, 11, 28)).values().stream().flatMap(List::stream)
                .map(CountedApproval::id).toList();
        assertTrue(!everCounted.contains(class22) && !everCounted.contains(class3), everCounted.toString());
        // Its candidate is in no cluster, so no scope by the target's cluster reaches it.
        assertTrue(!everCounted.contains(noCluster), everCounted.toString());
    }

    @Test
    void anApprovalCountsOnceConfirmedAndStopsCountingWhenDeleted() {
        UUID cluster = cluster();
        UUID local = sponsor("CN-HB", cluster);
        UUID target = annualTarget(cluster, 2025, 2025);
        UUID candidate = candidate(local, cluster, "1");
        String number = TestData.unique("N");
        ApprovalView approval = approvals.create(approval(candidate, Authority.NMPA, "2025-08-20", number,
                Evidence.REPORTED));

        YearIndicator reported = indicators.report(target.toString(), 2025, LocalDate.of(2026, 6, 30)).items().get(0);
        assertEquals(0, reported.actual());
        assertEquals(YearStatus.MISSED, reported.status());
        assertEquals(1, reported.shortfall());
        assertEquals(new YearIndicator.EvidenceCounts(0, 1, 1), reported.byEvidence());

        ApprovalView confirmed = approvals.replace(approval.id(), approval(candidate, Authority.NMPA, "2025-08-20",
                number, Evidence.CONFIRMED), ifMatch(approval.version())).orElseThrow();
        YearIndicator counted = indicators.report(target.toString(), 2025, LocalDate.of(2026, 6, 30)).items().get(0);
        assertEquals(1, counted.actual());
        assertEquals(YearStatus.MET, counted.status());
        assertEquals(List.of(approval.id()), ids(counted.approvals()));

        assertTrue(approvals.delete(approval.id(), ifMatch(confirmed.version())));
        YearIndicator deleted = indicators.report(target.toString(), 2025, LocalDate.of(2026, 6, 30)).items().get(0);
        assertEquals(0, deleted.actual());
        assertEquals(List.of(), deleted.approvals());
    }

    @Test
    void aTotalTargetCountsConfirmedClassOneApprovalsFromItsStartToTheAsOfDate() {
        UUID cluster = cluster();
        UUID local = sponsor("CN-HB", cluster);
        UUID target = targets.create(new TargetInput(TestData.unique("total"), "Total", null, "CN-HB", cluster,
                Metric.CLASS1_APPROVALS, Authority.NMPA, 2025, 2027, TargetKind.TOTAL, null, null, null, 3,
                LocalDate.of(2024, 1, 1), null, null, null, null)).id();

        approve(local, cluster, "1", Authority.NMPA, "2023-12-31", Evidence.CONFIRMED);
        UUID first = approve(local, cluster, "1", Authority.NMPA, "2024-01-01", Evidence.CONFIRMED);
        UUID reported = approve(local, cluster, "1", Authority.NMPA, "2025-05-05", Evidence.REPORTED);
        UUID second = approve(local, cluster, "1.2", Authority.NMPA, "2026-06-01", Evidence.CONFIRMED);
        approve(local, cluster, "2.2", Authority.NMPA, "2025-06-01", Evidence.CONFIRMED);
        approve(local, cluster, "1", Authority.NMPA, "2026-07-01", Evidence.CONFIRMED);

        IndicatorReport report = indicators.report(target.toString(), null, LocalDate.of(2026, 6, 30));
        assertEquals(List.of(), report.items());
        TotalIndicator total = report.totals().get(0);
        assertEquals(target, total.targetId());
        assertEquals(2, total.actual());
        assertEquals(new YearIndicator.EvidenceCounts(2, 3, 3), total.byEvidence());
        assertEquals(1, total.shortfall());
        assertEquals(YearStatus.IN_PROGRESS, total.status());
        assertEquals(List.of(first, reported, second), ids(total.approvals()));
    }

    private static List<UUID> ids(List<CountedApproval> approvals) {
        return approvals.stream().map(CountedApproval::id).toList();
    }

    private static Map<Integer, List<UUID>> idsByYear(Map<Integer, List<CountedApproval>> counted) {
        return counted.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> ids(e.getValue())));
    }

    private UUID cluster() {
        return clusters.create(new ClusterInput(TestData.unique("c"), "Test cluster", "测试园区", "CN-HB",
                "Banan District", List.of("biologics"), null, null, null)).id();
    }

    private UUID sponsor(String region, UUID cluster) {
        return organizations.create(new OrganizationInput(TestData.unique("Org"), "测试公司", OrganizationKind.COMPANY,
                region, cluster, null, null)).id();
    }

    private UUID annualTarget(UUID cluster, int from, int to) {
        return targets.create(new TargetInput(TestData.unique("t"), "Target", null, "CN-HB", cluster,
                Metric.CLASS1_APPROVALS, Authority.NMPA, from, to, TargetKind.ANNUAL, 1, 3, null, null, null, null,
                null, null, null)).id();
    }

    private UUID candidate(UUID sponsor, UUID cluster, String registrationClass) {
        return candidates.create(new CandidateInput(TestData.unique("CR"), "testimab", "测试单抗", sponsor, cluster,
                Category.THERAPEUTIC_BIOLOGIC, registrationClass, Modality.ANTIBODY, "Immunology", "Plaque psoriasis",
                null, null, Phase.NDA_SUBMITTED, null, null, null, LocalDate.of(2020, 1, 1), null, null, null)).id();
    }

    /** A candidate of its own, approved once with the class left out, so the approval takes the candidate's. */
    private UUID approve(UUID sponsor, UUID cluster, String registrationClass, Authority authority, String on,
            Evidence evidence) {
        ApprovalView approval = approvals.create(approval(candidate(sponsor, cluster, registrationClass), authority,
                on, TestData.unique("N"), evidence));
        assertEquals(registrationClass, approval.registrationClass());
        return approval.id();
    }

    private static ApprovalInput approval(UUID candidate, Authority authority, String on, String number,
            Evidence evidence) {
        return new ApprovalInput(candidate, authority, LocalDate.parse(on), number, null, null, null, null, null,
                "https://www.nmpa.gov.cn/approval", evidence, null, null, null, null, null);
    }

    /** The approvals the rule places in each year between the dates, known by the last of them. */
    private Map<Integer, List<CountedApproval>> countedByYear(Authority authority, Scope scope, LocalDate from,
            LocalDate to) {
        return CountingRule.byYear(repository.overlapping(authority, scope, from, to, to), from.getYear(),
                to.getYear(), to).counted();
    }
}
