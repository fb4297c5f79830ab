package org.cqdrug.tracker.approval.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.spreadsheet.CsvImport;
import org.cqdrug.tracker.spreadsheet.Table;
import org.cqdrug.tracker.spreadsheet.ImportColumns;
import org.cqdrug.tracker.spreadsheet.ImportReferences;
import org.cqdrug.tracker.common.problem.ApiProblem;

/**
 * Imports approvals from CSV, all rows or none, like the candidate import. candidateId takes a candidate's id or its
 * code when exactly one candidate has that code. Each row passes every check a recorded approval passes before any
 * row is written, and each imported approval moves its candidate as a recorded one does.
 */
@RetriedOnConflict
@ApplicationScoped
public class ApprovalImport {

    private static final Set<String> COLUMNS = ImportColumns.of(Table.of(ApprovalView.class));

    private final ApprovalService approvals;
    private final ObjectMapper json;
    private final Validator validator;

    public ApprovalImport(ApprovalService approvals, ObjectMapper json, Validator validator) {
        this.approvals = approvals;
        this.json = json;
        this.validator = validator;
    }

    @Transactional
    public CsvImport.Result run(String body, boolean dryRun) {
        CsvImport<ApprovalInput> csv = new CsvImport<>(ApprovalInput.class, COLUMNS, Set.of(), json, validator);
        List<CsvImport.Row<ApprovalInput>> rows = csv.read(body, (cells, error) ->
                ImportReferences.byCode(cells, "candidateId", error, code -> {
                    List<Candidate> coded = Candidate.list("code", code);
                    return coded.size() == 1 ? Optional.of(coded.get(0).id) : Optional.empty();
                }, "candidate", "unique code"));
        Set<ApprovalService.NaturalKey> seen = new HashSet<>();
        Set<ApprovalService.NaturalKey> firstOf = new HashSet<>();
        for (CsvImport.Row<ApprovalInput> row : rows) {
            ApprovalInput input = row.input();
            try {
                approvals.checkNew(input);
            } catch (ApiProblem problem) {
                ImportReferences.report(csv, row.line(), problem, "approvalNumber");
            }
            ApprovalService.NaturalKey key = approvals.naturalKey(input);
            // An approval whose number is not known yet has no natural key to repeat.
            if (key.approvalNumber() != null
                    && !seen.add(new ApprovalService.NaturalKey(key.authority(), key.approvalNumber(), null))) {
                csv.error(row.line(), "approvalNumber", "repeats an authority and approval number given on an earlier line");
            }
            if (key.firstOf() != null && !firstOf.add(new ApprovalService.NaturalKey(key.authority(), null, key.firstOf()))) {
                csv.error(row.line(), "kind", "is a second first approval of a drug given on an earlier line; mark the"
                        + " later one NEW_INDICATION or SUPPLEMENT");
            }
        }
        csv.requireNoErrors();
        if (dryRun) {
            return new CsvImport.Result(true, rows.size(), List.of());
        }
        List<UUID> ids = new ArrayList<>();
        for (CsvImport.Row<ApprovalInput> row : rows) {
            ids.add(approvals.create(row.input()).id());
        }
        return new CsvImport.Result(false, ids.size(), ids);
    }
}
