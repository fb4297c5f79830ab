package org.cqdrug.tracker.indicator.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.cqdrug.tracker.common.SaneDate;
import org.cqdrug.tracker.spreadsheet.Download;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.common.audit.KnownAt;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.indicator.mapping.BacktestReport;
import org.cqdrug.tracker.indicator.mapping.IndicatorTable;
import org.cqdrug.tracker.indicator.mapping.IndicatorReport;
import org.cqdrug.tracker.indicator.mapping.LeagueEntry;
import org.cqdrug.tracker.indicator.mapping.RegionalComparison;
import org.cqdrug.tracker.indicator.service.Backtest;
import org.cqdrug.tracker.indicator.service.IndicatorService;
import org.cqdrug.tracker.indicator.service.RegionalComparisonService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.cqdrug.tracker.web.TrackerApi;

@TrackerApi
@Path("/api/v1/indicators")
@Tag(name = "Indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService service;
    private final Backtest backtest;
    private final RegionalComparisonService regions;

    /** The value of include that lists the approvals behind the counts. */
    private static final String INCLUDE_APPROVALS = "approvals";

    /** What knownAt means, the same on every indicator answer. */
    private static final String KNOWN_AT = "The record as it was known at this instant (UTC, such as"
            + " 2026-01-31T16:00:00Z), rebuilt from its history: each row as it stood then, without the rows recorded"
            + " later and with those deleted since, so that a report made then is reproduced exactly, whatever was"
            + " corrected since. asOf is still the date the counts run to. Left out, the record as it stands";

    private final KnownAt known;

    public IndicatorResource(IndicatorService service, Backtest backtest, RegionalComparisonService regions,
            KnownAt known) {
        this.known = known;
        this.service = service;
        this.backtest = backtest;
        this.regions = regions;
    }

    @GET
    @Path("/league")
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "League table of every target", description = "Every target's progress in one answer, to"
            + " compare plans side by side, ranked by share reached (none yet last), then probability, then code. An"
            + " ANNUAL target is judged year by year: its share is the years that reached the yearly minimum over the"
            + " years judged (the past years of its period, and the as-of year once it has reached its minimum), and"
            + " its probability the as-of year's chance of meeting it; it is MISSED once a past year fell short. A TOTAL"
            + " target's share is its confirmed count over its goal, its probability that of reaching the goal by the"
            + " end of toYear. Beside each, the longest count its region (or cluster) published within its period, if"
            + " one is recorded, with the records for that period: the region's own claim, never in actual or the rank."
            + " As CSV or xlsx (Accept, or format=csv or xlsx), one row per target.")
    @APIResponse(responseCode = "200", description = "The targets, best first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LeagueEntry.class)),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response league(
            @Parameter(description = "Cut-off date, ISO-8601; defaults to today in China's calendar", example = "2026-11-28")
            @QueryParam("asOf") @SaneDate LocalDate asOf,
            @Parameter(description = KNOWN_AT, example = "2026-01-31T16:00:00Z") @QueryParam("knownAt") Instant knownAt,
            @BeanParam Download download) {
        List<LeagueEntry> league = known.read(knownAt, () -> service.league(asOf));
        return download.answer(IndicatorTable.LEAGUE, "league", sink -> league.forEach(sink))
                .orElseGet(() -> Response.ok(league, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/regions")
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Regions compared", description = "Per region, for one year: counted, the confirmed NMPA"
            + " Class 1 approvals of sponsors in the region that certainly fall in the year, as of asOf (by the counting"
            + " rule of the indicators), and countedOrReported beside it; published, the count the region published for"
            + " the whole year, if recorded (its own claim, never part of counted or of the rank), with coverage ="
            + " counted / published; share = counted / the national total and publishedShare = published / the"
            + " national total, where the nation's count for the year is recorded (the surer of its Class 1 count and"
            + " NMPA's innovative-drug count, the Class 1 one between equals). A published count is known from its"
            + " publishedOn. Regions with a sponsor in the record or a published Class 1 count for the year are listed,"
            + " ranked by counted (ties share a place, in code order); publishedRank places the regions that published"
            + " a count. As CSV or xlsx (Accept, or format=csv or xlsx), one row per region.")
    @APIResponse(responseCode = "200", description = "The regions, most counted first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionalComparison.class)),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public Response regions(
            @Parameter(description = "The year; defaults to the as-of date's, and may not be after it", example = "2025")
            @QueryParam("year") @Min(1950) @Max(2100) Integer year,
            @Parameter(description = "Cut-off date, ISO-8601; defaults to today in China's calendar", example = "2026-11-28")
            @QueryParam("asOf") @SaneDate LocalDate asOf,
            @Parameter(description = KNOWN_AT, example = "2026-01-31T16:00:00Z") @QueryParam("knownAt") Instant knownAt,
            @BeanParam Download download) {
        RegionalComparison comparison = known.read(knownAt, () -> regions.compare(year, asOf));
        return download.answer(IndicatorTable.REGIONS, "regions-" + comparison.year(),
                        sink -> comparison.regions().forEach(sink))
                .orElseGet(() -> Response.ok(comparison, MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("/backtest")
    @Operation(summary = "Back-test the forecast", description = "Each past year of an ANNUAL target forecast as of its"
            + " 1 January and its 1 July, from the pipeline as it stood then (point in time), against the confirmed count"
            + " the year ended with: per forecast the predicted distribution and the outcome, and over all of them the"
            + " Brier score of probabilityMeetingMin, the mean absolute error of expected, and a calibration table."
            + " Years default to the target's past ones.")
    @APIResponse(responseCode = "200", description = "The back-test")
    @APIResponse(responseCode = "404", description = "No target with that id or code", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public BacktestReport backtest(
            @Parameter(description = "The target, by its id or its code", required = true,
                    example = "cq-class1-approvals-2025-2027") @QueryParam("targetId") @NotNull @Size(min = 1, max = 100)
            String targetId,
            @Parameter(description = "First year; defaults to the target's first", example = "2023")
            @QueryParam("from") @Min(2000) @Max(2100) Integer from,
            @Parameter(description = "Last year, a past one; defaults to the target's last past year", example = "2025")
            @QueryParam("to") @Min(2000) @Max(2100) Integer to) {
        return backtest.run(targetId, from, to);
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Format.CSV_TYPE, Format.XLSX_TYPE})
    @Operation(summary = "Targets against actual Class 1 approvals",
            description = "One item per target and year from fromYear to toYear: the approvals that count, the status"
                    + " and the shortfall, and for the as-of year and later a forecast from the pipeline. An approval"
                    + " counts toward a target when its authority is the target's authority; its registration class as"
                    + " approved is Class 1 in any category (\"1\" or a \"1.x\" subclass; \"2.2\" or \"3\" never count);"
                    + " its candidate's sponsor is based in the target's regionCode and the candidate is in the target's"
                    + " clusterId, for whichever the target sets; and it is dated in the year, on or before asOf."
                    + " Status: a year after the as-of year is NOT_STARTED; the as-of year is MET once inside"
                    + " [annualMin, annualMax], EXCEEDED above it, IN_PROGRESS below; a past year is MISSED below"
                    + " annualMin, MET inside, EXCEEDED above. The forecast treats recorded approvals as certain and"
                    + " gives each in-scope Class 1 candidate in development a chance of approval in each year, from"
                    + " phase-transition probabilities and Erlang-distributed phase durations (BIO/Informa/QLS 2011–2020"
                    + " benchmarks, configurable), conditioned on the time spent in its current phase, or its"
                    + " expectedDecisionOn when submitted; each year's count is an exact Poisson-binomial."
                    + " The approvals behind each count are listed with include=approvals; left out, the answer"
                    + " holds counts, statuses and forecasts, and its size does not grow with the record."
                    + " As CSV or xlsx (Accept, or format=csv or xlsx), the yearly items as rows, with the approvals'"
                    + " ids always.")
    @APIResponse(responseCode = "200", description = "The indicators as of the date", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IndicatorReport.class)),
            @Content(mediaType = Format.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No target with that id or code", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public Response indicators(
            @Parameter(description = "Only this target, by its id or its code", example = "cq-class1-approvals-2025-2027")
            @QueryParam("targetId") @Size(max = 100) String targetId,
            @Parameter(description = "Only this year", example = "2026") @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @Parameter(description = "Cut-off date, ISO-8601; defaults to today in China's calendar", example = "2026-11-28")
            @QueryParam("asOf") @SaneDate LocalDate asOf,
            @Parameter(description = KNOWN_AT, example = "2026-01-31T16:00:00Z") @QueryParam("knownAt") Instant knownAt,
            @Parameter(description = "approvals: list the approvals counted and uncertain in each item and total",
                    schema = @Schema(enumeration = {INCLUDE_APPROVALS}))
            @QueryParam("include") @Pattern(regexp = INCLUDE_APPROVALS + "|", message = "must be " + INCLUDE_APPROVALS)
            String include,
            @BeanParam Download download) {
        IndicatorReport report = known.read(knownAt, () -> service.report(targetId, year, asOf));
        // A TOTAL target has no yearly items: its file holds its total instead.
        Optional<Response> file = report.items().isEmpty() && !report.totals().isEmpty()
                ? download.answer(IndicatorTable.TOTALS.first("asOf", item -> report.asOf()), "indicators",
                        sink -> report.totals().forEach(sink))
                : download.answer(IndicatorTable.TABLE.first("asOf", item -> report.asOf()), "indicators",
                        sink -> report.items().forEach(sink));
        return file.orElseGet(() -> Response.ok(INCLUDE_APPROVALS.equals(include) ? report : report.withoutApprovals(),
                MediaType.APPLICATION_JSON).build());
    }
}
