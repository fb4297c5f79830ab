package org.cqdrug.tracker.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;
import org.cqdrug.tracker.target.Target;

/**
 * The one statement of what counts toward a target, as SQL over {@link Scope#APPROVALS}. An approval counts when:
 * <ol>
 * <li>its authority is the target's authority, and it is the drug's first approval by it ({@code NEW_DRUG}): targets
 * count drugs, so a later approval of the same candidate (a new indication, a supplement) is listed, never counted,
 * and a candidate holds one first approval per authority;</li>
 * <li>its registration class as approved is Class 1 in any category: "1" or a "1.x" subclass ("2.2" or "3" never);</li>
 * <li>the candidate's sponsor is based in the target's region, and the candidate is in the target's cluster,
 * for whichever of the two the target sets;</li>
 * <li>it certainly falls inside the year: its first and latest possible days (the day itself; the month or year
 * it is known to; the range it is known to lie in) are both inside it. One whose range spans two years is listed as
 * uncertain in each, and counted in neither, so that no approval is ever counted twice. As of a past date, it counts
 * once its latest possible day has passed, and is listed as uncertain while the date lies within its range; as of
 * today or later every recorded approval has happened;</li>
 * <li>its evidence is CONFIRMED for the year's actual count, status and forecast; reported and unconfirmed
 * approvals are counted beside it, at their own levels.</li>
 * </ol>
 * The pipeline forecast uses the same class and scope tests on candidates.
 */
public final class CountingRule {

    private CountingRule() {
    }

    /** The target's scope (rule 3): its region and its cluster, whichever it sets. */
    public static Scope scope(Target target) {
        return new Scope(target.regionCode, target.cluster == null ? null : target.cluster.id);
    }

    /** How many of the approvals count at the evidence level (rule 5): those at it or surer. */
    public static int atLevel(List<CountedApproval> approvals, Evidence level) {
        return (int) approvals.stream().filter(a -> level.andSurer().contains(a.evidence())).count();
    }

    /**
     * Conditions under which an approval of the authority and scope may fall between two dates (both inclusive): its
     * possible days overlap them, and its first possible day is on or before the as-of date.
     */
    public static String approvalsOverlapping(Authority authority, Scope scope, LocalDate from, LocalDate to,
            LocalDate asOf, Map<String, Object> params) {
        params.put("authority", authority.name());
        params.put("countFrom", from);
        params.put("countTo", to);
        params.put("countAsOf", asOf);
        return " where a.authority = :authority and " + Scope.FIRST_APPROVAL + " and "
                + RegistrationClasses.class1("a.registration_class")
                + " and a.approved_on <= :countTo and a.latest_approved_on >= :countFrom"
                + " and a.approved_on <= :countAsOf" + scope.sql(params);
    }

    /**
     * Rule 4's as-of date: the day by which an approval must certainly have happened to count. A past date itself;
     * none (the far future) as of today or later, since a recorded approval has happened by the day it is read.
     */
    public static LocalDate knownBy(LocalDate asOf, LocalDate today) {
        return asOf.isBefore(today) ? asOf : LocalDate.MAX;
    }

    /** The last day an approval's latest possible day may be to count in a period ending on {@code end}, as of a date. */
    public static LocalDate certainBy(LocalDate end, LocalDate asOf, LocalDate today) {
        LocalDate knownBy = knownBy(asOf, today);
        return knownBy.isBefore(end) ? knownBy : end;
    }

    /** Rule 4: the approval certainly falls between the two dates (both inclusive). */
    public static boolean certainlyWithin(CountedApproval approval, LocalDate from, LocalDate to) {
        return DatePrecision.certainlyWithin(approval.approvedOn(), approval.latestApprovedOn(), from, to);
    }

    /** Approvals by the year they certainly fall in, and by each year they may fall in but not certainly. */
    public record ByYear(Map<Integer, List<CountedApproval>> counted, Map<Integer, List<CountedApproval>> uncertain) {
    }

    /** Places approvals in the years from {@code fromYear} to {@code toYear} by rule 4, as known by a date. */
    public static ByYear byYear(List<CountedApproval> approvals, int fromYear, int toYear, LocalDate knownBy) {
        Map<Integer, List<CountedApproval>> counted = new HashMap<>();
        Map<Integer, List<CountedApproval>> uncertain = new HashMap<>();
        for (CountedApproval approval : approvals) {
            int first = approval.approvedOn().getYear();
            LocalDate latest = approval.latestApprovedOn().isAfter(knownBy) ? knownBy : approval.latestApprovedOn();
            int last = latest.getYear();
            if (first == last && !approval.latestApprovedOn().isAfter(knownBy)) {
                counted.computeIfAbsent(first, y -> new ArrayList<>()).add(approval);
                continue;
            }
            for (int year = Math.max(first, fromYear); year <= Math.min(last, toYear); year++) {
                uncertain.computeIfAbsent(year, y -> new ArrayList<>()).add(approval);
            }
        }
        return new ByYear(counted, uncertain);
    }
}
