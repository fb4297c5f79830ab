package org.cqdrug.tracker.candidate.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.mapping.CandidateView;
import org.cqdrug.tracker.cluster.Cluster;
import org.cqdrug.tracker.spreadsheet.CsvImport;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.spreadsheet.ImportColumns;
import org.cqdrug.tracker.spreadsheet.ImportReferences;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.organization.Organization;

/**
 * Imports candidates from CSV: every row is parsed, validated, put through every check a created candidate passes,
 * and checked against the rest of the file first; only then, if nothing failed and it is not a dry run, are all
 * rows created in one transaction.
 * clusterId takes a cluster's id or code; sponsorId takes an organization's id or exact name.
 */
@RetriedOnConflict
@ApplicationScoped
public class CandidateImport {

    /** The export's columns, plus the date of the starting phase, which only the import reads. */
    private static final Set<String> COLUMNS = ImportColumns.of(Table.of(CandidateView.class), "phaseReachedOn");

    private final CandidateService candidates;
    private final ObjectMapper json;
    private final Validator validator;

    public CandidateImport(CandidateService candidates, ObjectMapper json, Validator validator) {
        this.candidates = candidates;
        this.json = json;
        this.validator = validator;
    }

    @Transactional
    public CsvImport.Result run(String body, boolean dryRun) {
        CsvImport<CandidateInput> csv = new CsvImport<>(CandidateInput.class, COLUMNS, Set.of("designations", "acceptanceNumbers"), json,
                validator);
        List<CsvImport.Row<CandidateInput>> rows = csv.read(body, (cells, error) -> {
            ImportReferences.byCode(cells, "clusterId", error,
                    code -> Cluster.<Cluster>find("code", code).firstResultOptional().map(c -> c.id), "cluster", "code");
            ImportReferences.byCode(cells, "sponsorId", error, name -> {
                List<Organization> named = Organization.list("name", name);
                return named.size() == 1 ? java.util.Optional.of(named.get(0).id) : java.util.Optional.empty();
            }, "organization", "exact, unique name");
        });
        Set<String> seen = new HashSet<>();
        for (CsvImport.Row<CandidateInput> row : rows) {
            CandidateInput input = row.input();
            try {
                candidates.checkNew(input);
            } catch (ApiProblem problem) {
                ImportReferences.report(csv, row.line(), problem, "code");
            }
            if (!seen.add(input.sponsorId() + "/" + input.code())) {
                csv.error(row.line(), "code", "repeats a sponsor and code given on an earlier line");
            }
        }
        csv.requireNoErrors();
        if (dryRun) {
            return new CsvImport.Result(true, rows.size(), List.of());
        }
        List<UUID> ids = new ArrayList<>();
        for (CsvImport.Row<CandidateInput> row : rows) {
            ids.add(candidates.create(row.input()).id());
        }
        return new CsvImport.Result(false, ids.size(), ids);
    }
}
