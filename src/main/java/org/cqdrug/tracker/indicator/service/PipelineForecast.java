package org.cqdrug.tracker.indicator.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.candidate.Phase;
import org.cqdrug.tracker.common.SqlRows;
import org.cqdrug.tracker.indicator.CountingRule;
import org.cqdrug.tracker.indicator.config.ForecastConfig;
import org.cqdrug.tracker.indicator.forecast.ApprovalTiming;
import org.cqdrug.tracker.indicator.forecast.Outlook;
import org.cqdrug.tracker.indicator.forecast.PoissonBinomial;
import org.cqdrug.tracker.indicator.mapping.Forecast;

/**
 * Forecasts a target's yearly counts from its in-scope pipeline: Class 1 candidates in development whose sponsor
 * and cluster fit the target's scope. Candidates with the same phase, latest milestone date and expected decision
 * share their chances, so the database groups them and the service makes one pass over the groups.
 */
@ApplicationScoped
public class PipelineForecast {

    private static final double DAYS_PER_YEAR = 365.25;
    private static final String IN_DEVELOPMENT = "('IND_APPROVED', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'NDA_SUBMITTED')";

    private final EntityManager em;
    private final ForecastConfig config;

    public PipelineForecast(EntityManager em, ForecastConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * @param recorded approvals already counted in each year (certain), by year
     * @return a forecast for every year from the as-of year (or fromYear, if later) to toYear
     */
    public Map<Integer, Forecast> forecast(CountingRule.Scope scope, LocalDate asOf, int fromYear, int toYear,
            int annualMin, Integer annualMax, Map<Integer, Integer> recorded) {
        int firstYear = Math.max(asOf.getYear(), fromYear);
        Map<Integer, Forecast> out = new HashMap<>();
        if (firstYear > toYear) {
            return out;
        }
        int years = toYear - firstYear + 1;
        double[] bounds = new double[years + 1];
        bounds[0] = firstYear == asOf.getYear() ? 0.0 : yearsUntil(asOf, LocalDate.of(firstYear, 1, 1).minusDays(1));
        for (int i = 0; i < years; i++) {
            bounds[i + 1] = yearsUntil(asOf, LocalDate.of(firstYear + i, 12, 31));
        }
        List<Object[]> groups = pipeline(scope);
        long considered = 0;
        for (Object[] group : groups) {
            considered += SqlRows.count(group[3]);
        }
        // The pipeline can add at most `considered` approvals, so no cell beyond that is ever needed.
        int most = (int) Math.min(considered, Integer.MAX_VALUE - 1);
        PoissonBinomial[] counts = new PoissonBinomial[years];
        for (int i = 0; i < years; i++) {
            int certain = recorded.getOrDefault(firstYear + i, 0);
            int cap = Math.max(1, Math.min((annualMax == null ? annualMin : annualMax + 1) - certain, most + 1));
            counts[i] = new PoissonBinomial(cap);
        }
        ApprovalTiming timing = new ApprovalTiming(config, bounds[years]);
        for (Object[] group : groups) {
            Phase phase = Phase.valueOf((String) group[0]);
            LocalDate decision = SqlRows.date(group[1]);
            LocalDate since = SqlRows.date(group[2]);
            long candidates = SqlRows.count(group[3]);
            Double decisionIn = decision != null && decision.isAfter(asOf) ? yearsUntil(asOf, decision) : null;
            double[] chances = timing.windows(phase, yearsUntil(since, asOf), decisionIn, bounds);
            for (int i = 0; i < years; i++) {
                counts[i].add(chances[i], candidates);
            }
        }
        for (int i = 0; i < years; i++) {
            int year = firstYear + i;
            int certain = recorded.getOrDefault(year, 0);
            PoissonBinomial count = counts[i];
            int needed = annualMin - certain;
            double meeting = needed > most ? 0.0 : count.atLeast(needed);
            double within = annualMax == null ? meeting
                    : needed > most ? 0.0 : count.between(needed, Math.min(annualMax - certain, most));
            out.put(year, new Forecast(round(certain + count.expected()), round(meeting), round(within),
                    Outlook.of(meeting, config.onTrackAt(), config.atRiskAt()), considered));
        }
        return out;
    }

    private List<Object[]> pipeline(CountingRule.Scope scope) {
        Map<String, Object> params = CountingRule.newParams();
        String sql = "select c.phase, c.expected_decision_on,"
                + " coalesce((select max(m.reached_on) from milestone m where m.candidate_id = c.id),"
                + " cast(c.created_at as date)) as since, count(*)"
                + " from candidate c join organization o on o.id = c.sponsor_id"
                + " where c.phase in " + IN_DEVELOPMENT + " and " + CountingRule.class1("c.registration_class")
                + scope.sql(params)
                + " group by 1, 2, 3";
        return SqlRows.list(em, sql, params);
    }

    private static double yearsUntil(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / DAYS_PER_YEAR;
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }
}
