package org.cqdrug.tracker.approval.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.cqdrug.tracker.approval.Approval;
import org.cqdrug.tracker.approval.ApprovalKind;
import org.cqdrug.tracker.common.vocabulary.DatePrecision;
import org.cqdrug.tracker.approval.mapping.ApprovalFilter;
import org.cqdrug.tracker.approval.mapping.ApprovalInput;
import org.cqdrug.tracker.approval.mapping.ApprovalMapper;
import org.cqdrug.tracker.approval.mapping.ApprovalView;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.candidate.service.PhaseHistory;
import org.cqdrug.tracker.common.References;
import org.cqdrug.tracker.common.audit.AuditTrail;
import org.cqdrug.tracker.common.audit.HistoryEntry;
import org.cqdrug.tracker.spreadsheet.SpreadsheetConfig;
import org.cqdrug.tracker.web.IfMatch;
import org.cqdrug.tracker.common.paging.FacetCount;
import org.cqdrug.tracker.common.paging.FacetParams;
import org.cqdrug.tracker.common.paging.Facets;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.vocabulary.Authority;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;

/** Approvals and the APPROVED milestone each one writes into its candidate's history, kept in step in one transaction. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class ApprovalService {

    static final Listing<Approval> LISTING = new Listing<>(Approval.class,
            SortKey.of("approvedOn", "e.approvedOn", LocalDate.class),
            // Approvals without a number yet sort first, as an empty number: a sort key is never null.
            SortKey.of("approvalNumber", "coalesce(e.approvalNumber, '')", String.class),
            SortKey.of("authority", "e.authority", Authority.class),
            SortKey.of("category", "e.category", Category.class),
            SortKey.of("registrationClass", "e.registrationClass", String.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    static final Map<String, String> FACETS = Facets.of(
            "year", "year(e.approvedOn)",
            "authority", "e.authority",
            "category", "e.category",
            "registrationClass", "e.registrationClass",
            "evidence", "e.evidence");

    private final PhaseHistory history;
    private final ApprovalMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;

    public ApprovalService(PhaseHistory history, ApprovalMapper mapper, SpreadsheetConfig export, AuditTrail audit) {
        this.audit = audit;
        this.history = history;
        this.mapper = mapper;
        this.export = export;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApprovalView> list(ApprovalFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FacetCount> facets(ApprovalFilter filter, FacetParams facet) {
        return LISTING.facets(filter.criteria(), facet, FACETS);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<ApprovalView>> export(ApprovalFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApprovalView> find(UUID id) {
        return Approval.<Approval>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the approval, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(Approval.class, id, mapper::toRevision);
    }

    /**
     * Every check that {@link #create} makes before it writes, for a CSV import to run on each row first; a refusal
     * names the field to fix ({@code approvalNumber} or {@code kind}) in its errors.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkNew(@Valid ApprovalInput input) {
        Approval unsaved = new Approval();
        mapper.apply(input, unsaved);
        unsaved.candidate = candidate(input);
        requireFreeNumber(unsaved.authority, unsaved.approvalNumber, null);
        requireFirstApproval(unsaved, null);
    }

    /**
     * What identifies an approval among all others: its authority (NMPA when left out) and its number; and, for a
     * drug's first approval, the drug it is the first of (null for a later one).
     */
    public record NaturalKey(Authority authority, String approvalNumber, UUID firstOf) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public NaturalKey naturalKey(ApprovalInput input) {
        Approval unsaved = new Approval();
        mapper.apply(input, unsaved);
        return new NaturalKey(unsaved.authority, unsaved.approvalNumber,
                unsaved.kind == ApprovalKind.NEW_DRUG ? input.candidateId() : null);
    }

    public ApprovalView create(@Valid ApprovalInput input) {
        return create(input, null);
    }

    /** Records an approval read from a source document, which it and its milestone cite. */
    public ApprovalView create(@Valid ApprovalInput input, UUID sourceDocumentId) {
        Candidate candidate = candidate(input);
        Approval approval = new Approval();
        mapper.apply(input, approval);
        snapshot(input, candidate, approval);
        requireFreeNumber(approval.authority, approval.approvalNumber, null);
        requireFirstApproval(approval, null);
        approval.sourceDocumentId = sourceDocumentId;
        approval.persistAndFlush();
        keepMilestone(approval, null, sourceDocumentId);
        return mapper.toView(approval);
    }

    public Optional<ApprovalView> replace(UUID id, @Valid ApprovalInput input, IfMatch ifMatch) {
        return Approval.<Approval>findByIdOptional(id).map(approval -> {
            ifMatch.check(approval, input.version(), "approval");
            Candidate before = approval.candidate;
            Candidate after = candidate(input);
            String milestoneBefore = milestoneKey(approval);
            mapper.apply(input, approval);
            snapshot(input, after, approval);
            requireFreeNumber(approval.authority, approval.approvalNumber, id);
            requireFirstApproval(approval, id);
            Approval.flush();
            if (!milestoneKey(approval).equals(milestoneBefore)) {
                keepMilestone(approval, before, null);
            }
            return mapper.toView(approval);
        });
    }

    /**
     * An official list confirms an approval: it becomes CONFIRMED, numbered as the list says and dated to the day
     * when the list gives a date (null keeps the date),
     * with the list as its official source; a report it cited stays as its report source. Its milestone follows.
     */
    public void confirm(UUID id, LocalDate approvedOn, String approvalNumber, String sourceUrl, UUID sourceDocumentId) {
        Approval approval = Approval.findById(id);
        if (approval == null) {
            throw ApiProblem.conflict("Approval " + id + " was deleted since the changeset was proposed");
        }
        String milestoneBefore = milestoneKey(approval);
        if (approval.sourceUrl != null && approval.reportSourceUrl == null && approval.evidence != Evidence.CONFIRMED) {
            approval.reportSourceUrl = approval.sourceUrl;
        }
        approval.evidence = Evidence.CONFIRMED;
        if (approvedOn != null) {
            approval.approvedOn = approvedOn;
            approval.datePrecision = DatePrecision.DAY;
        }
        requireFreeNumber(approval.authority, approvalNumber, id);
        approval.approvalNumber = approvalNumber;
        approval.sourceUrl = sourceUrl;
        approval.sourceDocumentId = sourceDocumentId;
        Approval.flush();
        if (!milestoneKey(approval).equals(milestoneBefore)) {
            keepMilestone(approval, approval.candidate, sourceDocumentId);
        }
    }

    /**
     * Deletes the approval with the milestone it wrote and re-derives the candidate's phase. A drug's first approval
     * goes only after its later ones, so that the drug never drops out of the counts while it holds approvals.
     */
    public boolean delete(UUID id, IfMatch ifMatch) {
        Optional<Approval> found = Approval.findByIdOptional(id);
        found.ifPresent(approval -> {
            ifMatch.check(approval, null, "approval");
            if (approval.kind == ApprovalKind.NEW_DRUG && Approval.count("candidate = ?1 and authority = ?2 and kind <> ?3",
                    approval.candidate, approval.authority, ApprovalKind.NEW_DRUG) > 0) {
                throw ApiProblem.conflict("This is the drug's first " + approval.authority + " approval and it has later"
                        + " ones: delete those first, or correct this one instead of deleting it");
            }
            Candidate candidate = approval.candidate;
            history.deleteWrittenBy(id);
            approval.delete();
            Approval.flush();
            history.refresh(candidate);
        });
        return found.isPresent();
    }

    /**
     * Sets the candidate and what the approval says of it as approved. The approval is a snapshot: class, category
     * and indication do not follow later edits of the candidate. Left out, they are copied from the candidate when
     * the approval is recorded or moves to another candidate, and kept otherwise. Moving to another candidate also
     * re-copies a value sent unchanged from the stored snapshot, as a client that reads the approval, changes its
     * candidateId and sends it back does; a value sent different from the snapshot is the client's own and is kept.
     */
    private static void snapshot(ApprovalInput input, Candidate candidate, Approval approval) {
        boolean moved = approval.candidate == null || !approval.candidate.id.equals(candidate.id);
        approval.registrationClass = snapshotted(input.registrationClass(), approval.registrationClass,
                candidate.registrationClass, moved);
        approval.category = snapshotted(input.category(), approval.category, candidate.category, moved);
        approval.indication = snapshotted(input.indication(), approval.indication, candidate.indication, moved);
        approval.candidate = candidate;
    }

    private static <T> T snapshotted(T sent, T stored, T fromCandidate, boolean moved) {
        if (sent != null && !(moved && sent.equals(stored))) {
            return sent;
        }
        return moved ? fromCandidate : stored;
    }

    private static Candidate candidate(ApprovalInput input) {
        return References.required(Candidate.class, input.candidateId(), "candidateId", "candidate");
    }

    /**
     * Keeps the APPROVED entry a drug's first approval writes into its candidate's history in step with it, dated as
     * precisely as the approval, changed in place so that one edit is one revision of each row. It holds what the
     * phase needs (dates, evidence); the number, source and note stay on the approval it names. A later approval of
     * the drug writes none. {@code before}, the candidate it belonged to, is re-derived when it moved.
     */
    private void keepMilestone(Approval approval, Candidate before, UUID sourceDocumentId) {
        Optional<Milestone> written = history.writtenBy(approval.id);
        if (approval.kind != ApprovalKind.NEW_DRUG) {
            history.deleteWrittenBy(approval.id);
            history.refresh(approval.candidate);
        } else if (written.isEmpty()) {
            DatePrecision precision = DatePrecision.orDay(approval.datePrecision);
            history.record(approval.candidate, Phase.APPROVED, approval.approvedOn, precision,
                    precision.latest(approval.approvedOn, approval.latestApprovedOn), null, milestoneNote(approval),
                    approval.id, approval.evidence).sourceDocumentId = sourceDocumentId;
        } else {
            Milestone milestone = written.get();
            milestone.candidate = approval.candidate;
            milestone.reachedOn = approval.approvedOn;
            milestone.datePrecision = DatePrecision.orDay(approval.datePrecision);
            milestone.latestReachedOn = milestone.datePrecision.latest(approval.approvedOn, approval.latestApprovedOn);
            milestone.evidence = approval.evidence;
            milestone.note = milestoneNote(approval);
            milestone.sourceUrl = null;  // the approval it names holds the source
            if (sourceDocumentId != null) {
                milestone.sourceDocumentId = sourceDocumentId;
            }
            Milestone.flush();
            history.refresh(approval.candidate);
        }
        if (before != null && !before.id.equals(approval.candidate.id)) {
            history.refresh(before);
        }
    }

    /**
     * A drug counts once: a candidate holds one NEW_DRUG approval per authority (the database's unique index keeps
     * it under concurrent writes; this names the first for the client).
     */
    private static void requireFirstApproval(Approval approval, UUID self) {
        requireFirstIsEarliest(approval, self);
        if (approval.kind != ApprovalKind.NEW_DRUG) {
            return;
        }
        Optional<Approval> first = Approval.<Approval>find("candidate = ?1 and authority = ?2 and kind = ?3",
                approval.candidate, approval.authority, ApprovalKind.NEW_DRUG).firstResultOptional();
        if (first.isPresent() && !first.get().id.equals(self)) {
            String message = "the candidate already holds its first " + approval.authority + " approval (id "
                    + first.get().id + ", approved on " + first.get().approvedOn + "): correct that one, or record"
                    + " this one with kind NEW_INDICATION or SUPPLEMENT, which is listed but not counted again";
            throw new ApiProblem(org.cqdrug.tracker.common.problem.ProblemType.CONFLICT,
                    Character.toUpperCase(message.charAt(0)) + message.substring(1),
                    List.of(new org.cqdrug.tracker.common.problem.Problem.FieldError("kind", message)));
        }
    }

    private static void requireFreeNumber(Authority authority, String number, UUID self) {
        if (number == null) {
            return;
        }
        Optional<Approval> holder = Approval.<Approval>find("authority = ?1 and approvalNumber = ?2", authority, number)
                .firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw ApiProblem.conflict(authority + " approval number '" + number + "' is already recorded (id "
                    + holder.get().id + ")");
        }
    }

    /** What the milestone an approval writes says, to tell whether an edit changes it. */
    /** The first approval of a drug by an authority is its earliest: a later one is not dated before it. */
    private static void requireFirstIsEarliest(Approval approval, UUID self) {
        boolean first = approval.kind == ApprovalKind.NEW_DRUG;
        Optional<Approval> clash = Approval.<Approval>find("candidate = ?1 and authority = ?2 and kind "
                        + (first ? "<> ?3 and approvedOn < ?4" : "= ?3 and approvedOn > ?4") + " order by approvedOn",
                approval.candidate, approval.authority, ApprovalKind.NEW_DRUG, approval.approvedOn).firstResultOptional()
                .filter(other -> !other.id.equals(self));
        if (clash.isPresent()) {
            throw ApiProblem.rule("approvedOn", (first ? "is after the drug's later approval " : "is before the drug's"
                    + " first approval ") + clash.get().id + " (" + clash.get().kind + ", approved on "
                    + clash.get().approvedOn + "): a drug's first approval is its earliest");
        }
    }

    private static String milestoneKey(Approval approval) {
        DatePrecision precision = DatePrecision.orDay(approval.datePrecision);
        return approval.candidate.id + "|" + approval.kind + "|" + approval.approvedOn + "|" + precision + "|"
                + precision.latest(approval.approvedOn, approval.latestApprovedOn) + "|" + milestoneNote(approval)
                + "|" + approval.evidence;
    }

    private static String milestoneNote(Approval approval) {
        return "Approved by " + approval.authority + " (the approval it names holds the number and the source)";
    }
}
