package org.cqdrug.tracker.source.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.common.Digests;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.source.ChangeAction;
import org.cqdrug.tracker.source.DocumentStatus;
import org.cqdrug.tracker.source.Field;
import org.cqdrug.tracker.source.SourceChange;
import org.cqdrug.tracker.source.SourceContent;
import org.cqdrug.tracker.source.SourceDocument;
import org.cqdrug.tracker.source.SourceKind;
import org.cqdrug.tracker.source.config.SourceConfig;
import org.cqdrug.tracker.source.mapping.ChangeFilter;
import org.cqdrug.tracker.source.mapping.Changeset;
import org.cqdrug.tracker.source.mapping.Freshness;
import org.cqdrug.tracker.source.mapping.SourceDocumentView;
import org.cqdrug.tracker.source.mapping.SourceFilter;
import org.cqdrug.tracker.source.mapping.SourceMapper;
import org.cqdrug.tracker.source.read.Charsets;
import org.cqdrug.tracker.source.read.CsvReader;
import org.cqdrug.tracker.source.read.HtmlReader;
import org.cqdrug.tracker.source.read.MalformedFileException;
import org.cqdrug.tracker.source.read.RowReader;
import org.cqdrug.tracker.source.read.SavedTable;
import org.cqdrug.tracker.source.read.XlsxReader;
import org.cqdrug.tracker.source.read.ZipGuard;
import org.cqdrug.tracker.spreadsheet.Format;
import org.cqdrug.tracker.spreadsheet.SpreadsheetConfig;
import org.cqdrug.tracker.web.IfMatch;
import org.hibernate.Session;

/**
 * Source documents: a saved list is kept as uploaded, its rows are read and matched against the record into a
 * proposed changeset, and applying it writes every change in one transaction, or none. Applying first proposes the
 * changeset again: when the record moved since it was reviewed, nothing is written (409) until it is proposed again.
 */
@ApplicationScoped
@Transactional
public class SourceService {

    static final Listing<SourceDocument> LISTING = new Listing<>(SourceDocument.class,
            SortKey.of("retrievedAt", "e.retrievedAt", Instant.class),
            SortKey.of("kind", "e.kind", SourceKind.class),
            SortKey.of("createdAt", "e.createdAt", Instant.class),
            SortKey.of("updatedAt", "e.updatedAt", Instant.class));

    private static final String LINE_SORT = "line";
    private static final int INSERT_BATCH = 500;

    private final SourceMapper mapper;
    private final SourceConfig config;
    private final SpreadsheetConfig export;
    private final ChangeWriter writer;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    public SourceService(SourceMapper mapper, SourceConfig config, SpreadsheetConfig export, ChangeWriter writer,
            EntityManager em, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.config = config;
        this.export = export;
        this.writer = writer;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /** The document stored, and whether this upload stored it (false: the same bytes were uploaded before). */
    public record Upload(SourceDocumentView document, boolean created) {
    }

    public Upload upload(SourceKind kind, String url, Instant retrievedAt, String mediaType, byte[] bytes,
            String uploadedBy) {
        if (retrievedAt.isAfter(clock.instant().plus(1, ChronoUnit.DAYS))) {
            throw ApiProblem.invalid("retrievedAt", "is in the future");
        }
        if (bytes.length == 0) {
            throw rejected("The file is empty");
        }
        String sha256 = HexFormat.of().formatHex(Digests.sha256().digest(bytes));
        Optional<SourceDocument> same = SourceDocument.<SourceDocument>find("sha256", sha256).firstResultOptional();
        if (same.isPresent()) {
            if (same.get().kind != kind) {
                throw ApiProblem.conflict("These bytes were uploaded before as a " + same.get().kind + " list"
                        + " (source document " + same.get().id + ")");
            }
            return new Upload(mapper.toView(same.get()), false);
        }
        Proposal proposal = propose(kind, mediaType, bytes, url);
        SourceDocument document = new SourceDocument();
        document.kind = kind;
        document.mediaType = mediaType;
        document.sha256 = sha256;
        document.sizeBytes = bytes.length;
        document.url = url;
        document.retrievedAt = retrievedAt;
        document.uploadedBy = uploadedBy;
        document.rowsRead = proposal.rows;
        document.status = DocumentStatus.PROPOSED;
        document.changesetDigest = proposal.digest();
        document.proposedAt = clock.instant();
        document.persistAndFlush();
        SourceContent content = new SourceContent();
        content.documentId = document.id;
        content.content = bytes;
        content.persist();
        store(document.id, proposal.changes);
        return new Upload(mapper.toView(document), true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SourceDocumentView> list(SourceFilter filter, PageParams page) {
        return LISTING.page(filter.criteria(), page, mapper::toView);
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Consumer<Consumer<SourceDocumentView>> export(SourceFilter filter, String sort) {
        return LISTING.exporter(filter.criteria(), sort, mapper::toView, export.batchSize());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<SourceDocumentView> find(UUID id) {
        return SourceDocument.<SourceDocument>findByIdOptional(id).map(mapper::toView);
    }

    /** The bytes as uploaded, with their media type. */
    public record Content(String mediaType, byte[] bytes) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Content> content(UUID id) {
        return SourceDocument.<SourceDocument>findByIdOptional(id)
                .map(document -> new Content(document.mediaType, bytes(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Changeset> changes(UUID id, ChangeFilter filter) {
        return SourceDocument.<SourceDocument>findByIdOptional(id).map(document -> {
            List<String> cursor = Cursors.decode(filter.cursor, LINE_SORT, 1);
            int after = cursor == null ? 0 : line(cursor.get(0));
            String hql = "documentId = ?1 and line > ?2" + (filter.action == null ? "" : " and action = ?3")
                    + " order by line";
            List<SourceChange> rows = (filter.action == null ? SourceChange.<SourceChange>find(hql, id, after)
                    : SourceChange.<SourceChange>find(hql, id, after, filter.action)).range(0, filter.limit).list();
            boolean more = rows.size() > filter.limit;
            List<SourceChange> shown = more ? rows.subList(0, filter.limit) : rows;
            Map<ChangeAction, Long> counts = new EnumMap<>(ChangeAction.class);
            em.createQuery("select c.action, count(c) from SourceChange c where c.documentId = :id group by c.action",
                    Object[].class).setParameter("id", id).getResultList()
                    .forEach(row -> counts.put((ChangeAction) row[0], ((Number) row[1]).longValue()));
            String next = more ? Cursors.encode(LINE_SORT, List.of(String.valueOf(shown.get(shown.size() - 1).line)))
                    : null;
            return new Changeset(document.status, counts, shown.stream().map(mapper::toView).toList(), next);
        });
    }

    /** Proposes the changeset again against the record as it is now, for a reviewer who resolved rows meanwhile. */
    public Optional<SourceDocumentView> repropose(UUID id) {
        return locked(id).map(document -> {
            requireProposed(document);
            Proposal proposal = propose(document.kind, document.mediaType, bytes(id), document.url);
            em.createQuery("delete from SourceChange c where c.documentId = :id").setParameter("id", id)
                    .executeUpdate();
            store(id, proposal.changes);
            document.changesetDigest = proposal.digest();
            document.proposedAt = clock.instant();
            document.rowsRead = proposal.rows;
            SourceDocument.flush();
            return mapper.toView(document);
        });
    }

    /** Writes every change of the reviewed changeset in this one transaction, or nothing. */
    public Optional<SourceDocumentView> apply(UUID id, IfMatch ifMatch, String appliedBy) {
        return locked(id).map(document -> {
            ifMatch.check(document, null, "source document");
            requireProposed(document);
            Proposal proposal = propose(document.kind, document.mediaType, bytes(id), document.url);
            if (!proposal.digest().equals(document.changesetDigest)) {
                throw ApiProblem.conflict("The record changed since this changeset was proposed; nothing was"
                        + " written. Propose it again (POST /api/v1/sources/" + id + "/propose), review it and apply"
                        + " it with the document's new ETag");
            }
            Map<Integer, UUID> created = writer.write(document, proposal.changes);
            SourceDocument applied = SourceDocument.findById(id);
            applied.status = DocumentStatus.APPLIED;
            applied.appliedAt = clock.instant();
            applied.appliedBy = appliedBy;
            SourceDocument.flush();
            recordCreated(id, created);
            return mapper.toView(applied);
        });
    }

    /** Each kind's latest document by retrieval time, so a reader knows how current the counts are. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Freshness> freshness() {
        LocalDate today = LocalDate.now(clock);
        List<Freshness> all = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            Optional<SourceDocument> latest = SourceDocument.<SourceDocument>find(
                    "kind = ?1 order by retrievedAt desc, id desc", kind).firstResultOptional();
            all.add(latest.map(document -> new Freshness(kind, document.id, document.retrievedAt,
                    ChronoUnit.DAYS.between(LocalDate.ofInstant(document.retrievedAt, clock.getZone()), today),
                    document.status)).orElseGet(() -> new Freshness(kind, null, null, null, null)));
        }
        return all;
    }

    private record Proposal(int rows, List<Proposed> changes) {

        String digest() {
            var digest = Digests.sha256();
            changes.forEach(change -> digest.update((change.digestLine() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private Proposal propose(SourceKind kind, String mediaType, byte[] bytes, String url) {
        RowReader reader = reader(mediaType, bytes, url);
        RecordIndex index = RecordIndex.load(em);
        Proposer proposer = new Proposer(kind, index, LocalDate.now(clock));
        List<Proposed> changes = new ArrayList<>();
        try {
            int rows = new SavedTable<>(Field.class, kind.columns).read(reader, row -> changes.add(proposer.propose(row)));
            return new Proposal(rows, changes);
        } catch (SavedTable.MissingColumnsException e) {
            throw new ApiProblem(ProblemType.IMPORT_REJECTED, (e.anyFound
                    ? "The file's table lacks required columns of a " + kind + " list: "
                    : "The file has no table of a " + kind + " list; its required columns are missing: ")
                    + String.join(", ", e.missing), e.missing.stream()
                    .map(label -> new Problem.FieldError(label, "required column not found")).toList());
        } catch (MalformedFileException e) {
            throw rejected("The file cannot be read: " + e.getMessage());
        } catch (IOException e) {
            throw rejected("The file cannot be read: " + e.getMessage());
        }
    }

    private RowReader reader(String mediaType, byte[] bytes, String url) {
        String type = mediaType.toLowerCase(java.util.Locale.ROOT);
        String charset = charsetOf(type);
        if (type.startsWith(Format.XLSX_TYPE)) {
            try {
                ZipGuard.check(bytes, config.maxInflatedBytes());
            } catch (ZipGuard.InflatesTooFarException e) {
                throw ApiProblem.tooLarge("The workbook inflates past " + e.limit + " bytes; it is refused unread");
            } catch (MalformedFileException e) {
                throw rejected("The file cannot be read: " + e.getMessage());
            }
            return new XlsxReader(bytes);
        }
        if (type.startsWith("text/csv")) {
            return new CsvReader(bytes, Charsets.ofText(bytes, charset));
        }
        return new HtmlReader(bytes, Charsets.ofPage(bytes, charset), url);
    }

    private static String charsetOf(String mediaType) {
        int at = mediaType.indexOf("charset=");
        return at < 0 ? null : mediaType.substring(at + "charset=".length()).split(";")[0].replace("\"", "").strip();
    }

    private void store(UUID documentId, List<Proposed> changes) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into source_change (id, document_id,"
                    + " line, action, acceptance_number, approval_number, drug_name, company, candidate_id, approval_id,"
                    + " reason, before_values, after_values) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                int pending = 0;
                for (Proposed change : changes) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, documentId);
                    insert.setInt(3, change.line());
                    insert.setString(4, change.action().name());
                    insert.setString(5, change.acceptanceNumber());
                    insert.setString(6, change.approvalNumber());
                    insert.setString(7, change.drugName());
                    insert.setString(8, change.company());
                    insert.setObject(9, change.candidateId());
                    insert.setObject(10, change.approvalId());
                    insert.setString(11, change.reason());
                    insert.setString(12, jsonOf(change.before()));
                    insert.setString(13, jsonOf(change.after()));
                    insert.addBatch();
                    if (++pending == INSERT_BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private void recordCreated(UUID documentId, Map<Integer, UUID> created) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "update source_change set candidate_id = ? where document_id = ? and line = ?")) {
                for (Map.Entry<Integer, UUID> entry : created.entrySet()) {
                    update.setObject(1, entry.getValue());
                    update.setObject(2, documentId);
                    update.setInt(3, entry.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    private String jsonOf(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<SourceDocument> locked(UUID id) {
        return Optional.ofNullable(em.find(SourceDocument.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static void requireProposed(SourceDocument document) {
        if (document.status == DocumentStatus.APPLIED) {
            throw ApiProblem.conflict("Source document " + document.id + " was applied on " + document.appliedAt
                    + "; upload a newer copy of the list to bring in what changed");
        }
    }

    private byte[] bytes(UUID id) {
        return em.find(SourceContent.class, id).content;
    }

    private static int line(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
        }
    }

    private static ApiProblem rejected(String detail) {
        return new ApiProblem(ProblemType.IMPORT_REJECTED, detail, null);
    }
}
