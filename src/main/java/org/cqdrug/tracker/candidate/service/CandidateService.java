package org.cqdrug.tracker.candidate.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import org.cqdrug.tracker.candidate.AcceptanceNumber;
import org.cqdrug.tracker.candidate.Candidate;
import org.cqdrug.tracker.candidate.Milestone;
import org.cqdrug.tracker.candidate.mapping.CandidateFilter;
import org.cqdrug.tracker.candidate.mapping.CandidateInput;
import org.cqdrug.tracker.candidate.mapping.CandidateMapper;
import org.cqdrug.tracker.candidate.mapping.CandidateView;
import org.cqdrug.tracker.candidate.mapping.MilestoneInput;
import org.cqdrug.tracker.candidate.mapping.MilestoneView;
import org.cqdrug.tracker.cluster.Cluster;
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
import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.cqdrug.tracker.common.vocabulary.Category;
import org.cqdrug.tracker.common.vocabulary.Evidence;
import org.cqdrug.tracker.common.vocabulary.Phase;
import org.cqdrug.tracker.organization.Organization;

/** Candidates and their phase history. */
@RetriedOnConflict
@ApplicationScoped
@Transactional
public class CandidateService {

    static final Listing<Candidate> LISTING = new Listing<>(Candidate.class,
            SortKey.of("code", "e.code", String.class),
            SortKey.of("name", "coalesce(e.name, '')", String.class),
            SortKey.of("nameZh", "coalesce(e.nameZh, '')", String.class),
            SortKey.of("phase", "e.phase", Phase.class),
            SortKey.of("category", "e.category", Category.class),
            SortKey.of("registrationClass", "e.registrationClass", String.class),
            SortKey.of("therapeuticArea", "coalesce(e.therapeuticArea, '')", String.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    /** Fields that facet counts can group by, with the HQL they group on. */
    static final Map<String, String> FACETS = Facets.of(
            "phase", "e.phase",
            "category", "e.category",
            "registrationClass", "e.registrationClass",
            "therapeuticArea", "e.therapeuticArea",
            "clusterId", "e.cluster.id",
            "sponsorId", "e.sponsor.id");

    private final PhaseHistory history;
    private final CandidateMapper mapper;
    private final AuditTrail audit;
    private final SpreadsheetConfig export;
    private final Clock clock;

    public CandidateService(PhaseHistory history, CandidateMapper mapper, SpreadsheetConfig export, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.history = history;
        this.mapper = mapper;
        this.export = export;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CandidateView> list(CandidateFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FacetCount> facets(CandidateFilter filter, FacetParams facet) {
        return LISTING.facets(filter.criteria(), facet, FACETS);
    }

    /** Checks the sort now; the producer streams every matching row when the answer is written. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<CandidateView>> export(CandidateFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CandidateView> find(UUID id) {
        return Candidate.<Candidate>findByIdOptional(id).map(mapper::toView);
    }

    /** Every revision of the candidate, oldest first, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> history(UUID id) {
        return audit.of(Candidate.class, id, mapper::toRevision);
    }

    /** Every check that {@link #create} makes before it writes; a CSV import runs it on each row first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void checkNew(@Valid CandidateInput input) {
        resolve(input, null);
    }

    public CandidateView create(@Valid CandidateInput input) {
        return create(input, null);
    }

    /** Creates a candidate whose starting milestone cites the source document it was read from, if any. */
    public CandidateView create(@Valid CandidateInput input, UUID sourceDocumentId) {
        Resolved resolved = resolve(input, null);
        Candidate candidate = new Candidate();
        mapper.apply(input, candidate);
        candidate.sponsor = resolved.sponsor();
        candidate.cluster = resolved.cluster();
        candidate.phase = input.phase();
        candidate.persistAndFlush();
        Milestone start = history.record(candidate, input.phase(), input.phaseReachedOn(), input.sourceUrl(),
                input.phaseReachedOn() != null ? "Starting phase"
                        : "Phase when the candidate was recorded; the date it was reached is not known", null,
                Evidence.CONFIRMED);
        start.sourceDocumentId = sourceDocumentId;
        return mapper.toView(candidate);
    }

    public Optional<CandidateView> replace(UUID id, @Valid CandidateInput input, IfMatch ifMatch) {
        return Candidate.<Candidate>findByIdOptional(id).map(candidate -> {
            ifMatch.check(candidate, input.version(), "candidate");
            if (input.phase() != candidate.phase) {
                throw ApiProblem.rule("phase", "is " + candidate.phase + "; the phase moves only by recording a milestone"
                        + " (POST /api/v1/candidates/" + id + "/milestones) or an approval");
            }
            Resolved resolved = resolve(input, id);
            mapper.apply(input, candidate);
            candidate.sponsor = resolved.sponsor();
            candidate.cluster = resolved.cluster();
            Candidate.flush();
            return mapper.toView(candidate);
        });
    }

    /** Deletes the candidate with its phase history; refused with 409 by the database while approvals point at it. */
    public boolean delete(UUID id, IfMatch ifMatch) {
        Optional<Candidate> found = Candidate.findByIdOptional(id);
        found.ifPresent(row -> {
            ifMatch.check(row, null, "candidate");
            history.deleteAll(row);
            row.delete();
            Candidate.flush();
        });
        return found.isPresent();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<MilestoneView>> milestones(UUID candidateId) {
        return Candidate.<Candidate>findByIdOptional(candidateId).map(candidate -> PhaseHistory.oldestFirst(candidate)
                .stream().map(mapper::toView).toList());
    }

    /** Every revision of a milestone of the candidate, also after it was deleted; empty when it never existed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<HistoryEntry>> milestoneHistory(UUID candidateId, UUID milestoneId) {
        return audit.of(Milestone.class, milestoneId, mapper::toView).filter(entries -> entries.isEmpty()
                ? findMilestone(candidateId, milestoneId).isPresent()
                : candidateId.toString().equals(String.valueOf(entries.get(0).state().get("candidateId"))));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MilestoneView> milestone(UUID candidateId, UUID milestoneId) {
        return findMilestone(candidateId, milestoneId).map(mapper::toView);
    }

    public Optional<MilestoneView> addMilestone(UUID candidateId, @Valid MilestoneInput input) {
        return addMilestone(candidateId, input, null);
    }

    /** Adds a milestone citing the source document it was read from, if any. */
    public Optional<MilestoneView> addMilestone(UUID candidateId, @Valid MilestoneInput input, UUID sourceDocumentId) {
        return Candidate.<Candidate>findByIdOptional(candidateId).map(candidate -> {
            if (!Boolean.TRUE.equals(input.regression())) {
                history.requireNoStepBack(candidate, input.phase(), input.reachedOn());
            }
            Milestone milestone = mapper.toEntity(input);
            milestone.candidate = candidate;
            milestone.sourceDocumentId = sourceDocumentId;
            return mapper.toView(history.append(milestone));
        });
    }

    /**
     * An official list confirms a milestone: it becomes CONFIRMED and cites the document and its address. Only the
     * evidence and its source change; what the entry says of the history stays as it was.
     */
    public void confirmMilestone(UUID milestoneId, String sourceUrl, UUID sourceDocumentId) {
        Milestone milestone = Milestone.findById(milestoneId);
        if (milestone == null) {
            throw ApiProblem.conflict("Milestone " + milestoneId + " was deleted since the changeset was proposed");
        }
        milestone.evidence = Evidence.CONFIRMED;
        milestone.sourceUrl = sourceUrl;
        milestone.sourceDocumentId = sourceDocumentId;
        Milestone.flush();
    }

    /** Adds acceptance numbers and designations a list gives a candidate, keeping those it has. */
    public void addIdentifiers(UUID candidateId, List<String> acceptanceNumbers, List<String> designations) {
        Candidate candidate = Candidate.findById(candidateId);
        if (candidate == null) {
            throw ApiProblem.conflict("Candidate " + candidateId + " was deleted since the changeset was proposed");
        }
        List<String> numbers = new java.util.ArrayList<>(candidate.acceptanceNumbers);
        acceptanceNumbers.stream().filter(number -> !numbers.contains(number)).forEach(numbers::add);
        requireFreeNumbers(numbers, candidateId);
        candidate.acceptanceNumbers = numbers;
        List<String> held = new java.util.ArrayList<>(candidate.designations);
        designations.stream().filter(name -> !held.contains(name)).forEach(held::add);
        candidate.designations = held;
        Candidate.flush();
    }

    public boolean deleteMilestone(UUID candidateId, UUID milestoneId, IfMatch ifMatch) {
        Optional<Milestone> found = findMilestone(candidateId, milestoneId);
        found.ifPresent(milestone -> {
            ifMatch.check(milestone, null, "milestone");
            history.delete(milestone);
        });
        return found.isPresent();
    }

    private static Optional<Milestone> findMilestone(UUID candidateId, UUID milestoneId) {
        return Milestone.<Milestone>find("id = ?1 and candidate.id = ?2", milestoneId, candidateId).firstResultOptional();
    }

    private record Resolved(Organization sponsor, Cluster cluster) {
    }

    /** The rows the input names, checked to exist, with the candidate's code checked free for the sponsor. */
    private static Resolved resolve(CandidateInput input, UUID self) {
        Organization sponsor = References.required(Organization.class, input.sponsorId(),
                "sponsorId", "organization");
        Cluster cluster = References.optional(Cluster.class, input.clusterId(), "clusterId",
                "cluster");
        Optional<Candidate> holder = Candidate.<Candidate>find("sponsor = ?1 and code = ?2", sponsor, input.code())
                .firstResultOptional();
        if (holder.isPresent() && !holder.get().id.equals(self)) {
            throw ApiProblem.conflict("Sponsor " + sponsor.id + " already has a candidate with code '" + input.code()
                    + "' (id " + holder.get().id + ")");
        }
        requireFreeNumbers(input.acceptanceNumbers() == null ? List.of()
                : input.acceptanceNumbers().stream().map(n -> AcceptanceNumbers.canonical(n).orElseThrow()).toList(), self);
        return new Resolved(sponsor, cluster);
    }

    /** Each acceptance number belongs to one candidate (the database holds the rule too, see AcceptanceNumber). */
    private static void requireFreeNumbers(List<String> numbers, UUID self) {
        for (String number : numbers) {
            AcceptanceNumber holder = AcceptanceNumber.findById(number);
            if (holder != null && !holder.candidateId.equals(self)) {
                throw ApiProblem.conflict("Acceptance number " + number + " already belongs to candidate "
                        + holder.candidateId);
            }
        }
    }
}
