package org.cqdrug.tracker.target.mapping;

import java.util.ArrayList;
import java.util.List;

import org.cqdrug.tracker.approval.Authority;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.target.Target;

/** Moves data between the target entity and its API records. */
public final class TargetMapper {

    private TargetMapper() {
    }

    public static TargetView toView(Target t) {
        return new TargetView(t.id, t.code, t.name, t.regionCode, t.cluster == null ? null : t.cluster.id, t.metric,
                t.authority, t.fromYear, t.toYear, t.annualMin, t.annualMax, t.cumulativeMin, t.sourceTitle, t.sourceUrl,
                t.publishedOn, t.createdAt, t.updatedAt, t.version);
    }

    /** Rules across fields, which the field annotations cannot state; all broken ones are reported at once. */
    public static void check(TargetInput in) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.regionCode() == null && in.clusterId() == null) {
            errors.add(new Problem.FieldError("regionCode", "or clusterId must be given to scope the target"));
        }
        if (in.fromYear() > in.toYear()) {
            errors.add(new Problem.FieldError("toYear", "must not be before fromYear"));
        }
        if (in.annualMax() != null && in.annualMax() < in.annualMin()) {
            errors.add(new Problem.FieldError("annualMax", "must be greater than or equal to annualMin"));
        }
        if (!errors.isEmpty()) {
            throw new ApiProblem(ProblemType.VALIDATION, errors.size() == 1
                    ? "Field '" + errors.get(0).field() + "' " + errors.get(0).message()
                    : "The request has " + errors.size() + " invalid fields", errors);
        }
    }

    public static void apply(TargetInput in, Cluster cluster, Target t) {
        t.code = in.code();
        t.name = in.name();
        t.regionCode = in.regionCode();
        t.cluster = cluster;
        t.metric = in.metric();
        t.authority = in.authority() == null ? Authority.NMPA : in.authority();
        t.fromYear = in.fromYear();
        t.toYear = in.toYear();
        t.annualMin = in.annualMin();
        t.annualMax = in.annualMax();
        t.cumulativeMin = in.cumulativeMin();
        t.sourceTitle = in.sourceTitle();
        t.sourceUrl = in.sourceUrl();
        t.publishedOn = in.publishedOn();
    }
}
