package org.cqdrug.tracker.indicator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.RegistrationClasses;
import org.cqdrug.tracker.common.vocabulary.Scope;
import org.cqdrug.tracker.indicator.mapping.CountedApproval;
import org.cqdrug.tracker.target.Target;

/**
 * The one statement of what counts toward a target, as SQL over {@link Scope#APPROVALS}. An approval counts when:
 * <ol>
 * <li>its authority is the target's authority;</li>
 * <li>its registration class as approved is Class 1 in any category: "1" or a "1.x" subclass ("2.2" or "3" never);</li>
 * <li>the candidate's sponsor is based in the target's region, and the candidate is in the target's cluster,
 * for whichever of the two the target sets;</li>
 * <li>it is dated inside the year, and on or before the as-of date;</li>
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
     * Conditions under which an approval counts for a target with this authority and scope, between two dates
     * (both inclusive; the caller passes the as-of date as the upper end when it cuts the period).
     */
    public static String approvalsCounting(Authority authority, Scope scope, LocalDate from, LocalDate to,
            Map<String, Object> params) {
        params.put("authority", authority.name());
        params.put("countFrom", from);
        params.put("countTo", to);
        return " where a.authority = :authority and " + RegistrationClasses.class1("a.registration_class")
                + " and a.approved_on between :countFrom and :countTo" + scope.sql(params);
    }
}
