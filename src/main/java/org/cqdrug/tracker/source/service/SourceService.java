package org.cqdrug.tracker.source.service;

import org.cqdrug.tracker.database.RetriedOnConflict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;
import org.cqdrug.tracker.approval.config.EvidenceConfig;
import org.cqdrug.tracker.approval.config.OfficialHosts;
import org.cqdrug.tracker.common.Digests;
import org.cqdrug.tracker.common.paging.Cursors;
import org.cqdrug.tracker.common.paging.Listing;
import org.cqdrug.tracker.common.paging.Page;
import org.cqdrug.tracker.common.paging.PageParams;
import org.cqdrug.tracker.common.paging.SortKey;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.cqdrug.tracker.common.problem.Problem;
import org.cqdrug.tracker.common.problem.ProblemType;
import org.cqdrug.tracker.common.vocabulary.AcceptanceNumbers;
import org.cqdrug.tracker.common.vocabulary.ApprovalNumbers;
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
@RetriedOnConflict
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
    private final EvidenceConfig evidence;

    public SourceService(SourceMapper mapper, SourceConfig config, SpreadsheetConfig export, ChangeWriter writer,
            EntityManager em, ObjectMapper json, Clock clock, EvidenceConfig evidence) {
        this.evidence = evidence;
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

    @TransactionConfiguration(timeoutFromConfigProperty = "tracker.sources.transaction-timeout")
    public Upload upload(SourceKind kind, String url, Instant retrievedAt, String mediaType, byte[] bytes,
            String uploadedBy) {
        if (retrievedAt.isAfter(clock.instant().plus(1, ChronoUnit.DAYS))) {
            throw ApiProblem.invalid("retrievedAt", "is in the future");
        }
        // An official list confirms what it names, so it must come from where the regulator publishes it.
        if (!OfficialHosts.official(url, evidence.officialHosts())) {
            throw ApiProblem.invalid("url", "is not an official address: an official list confirms what it names, so"
                    + " give the address it was saved from at the regulator (a host under "
                    + String.join(", ", evidence.officialHosts()) + ")");
        }
        if (bytes.length == 0) {
            throw rejected("The file is empty");
        }
        serialize();
        String sha256 = HexFormat.of().formatHex(Digests.sha256().digest(bytes));
        Optional<SourceDocument> same = SourceDocument.<SourceDocument>find("sha256", sha256).firstResultOptional();
        if (same.isPresent()) {
            if (same.get().kind != kind) {
                throw ApiProblem.conflict("These bytes were uploaded before as a " + same.get().kind + " list"
                        + " (source document " + same.get().id + ")");
            }
            return new Upload(mapper.toView(same.get()), false);
        }
        SourceDocument document = new SourceDocument();
        document.kind = kind;
        document.mediaType = mediaType;
        document.sha256 = sha256;
        document.sizeBytes = bytes.length;
        document.url = url;
        document.retrievedAt = retrievedAt;
        document.uploadedBy = uploadedBy;
        document.status = DocumentStatus.PROPOSED;
        document.changesetDigest = "";
        document.proposedAt = clock.instant();
        document.persistAndFlush();
        SourceContent content = new SourceContent();
        content.documentId = document.id;
        content.content = bytes;
        content.persist();
        Proposal proposal = proposeInto(document.id, kind, mediaType, bytes, url);
        document.rowsRead = proposal.rows();
        document.changesetDigest = proposal.digest();
        SourceDocument.flush();
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
    @TransactionConfiguration(timeoutFromConfigProperty = "tracker.sources.transaction-timeout")
    public Optional<SourceDocumentView> repropose(UUID id) {
        serialize();
        return locked(id).map(document -> {
            document.status = DocumentStatus.PROPOSED;
            em.createQuery("delete from SourceChange c where c.documentId = :id").setParameter("id", id)
                    .executeUpdate();
            Proposal proposal = proposeInto(id, document.kind, document.mediaType, bytes(id), document.url);
            document.changesetDigest = proposal.digest();
            document.proposedAt = clock.instant();
            document.rowsRead = proposal.rows();
            SourceDocument.flush();
            return mapper.toView(document);
        });
    }

    /** Writes every change of the reviewed changeset in this one transaction, or nothing. */
    @TransactionConfiguration(timeoutFromConfigProperty = "tracker.sources.transaction-timeout")
    public Optional<SourceDocumentView> apply(UUID id, IfMatch ifMatch, String appliedBy) {
        serialize();
        return locked(id).map(document -> {
            ifMatch.check(document, null, "source document");
            requireProposed(document);
            Proposal proposal = propose(document.kind, document.mediaType, bytes(id), document.url, change -> {
            });
            if (!proposal.digest().equals(document.changesetDigest)) {
                throw ApiProblem.conflict("The record changed since this changeset was proposed; nothing was"
                        + " written. Propose it again (POST /api/v1/sources/" + id + "/propose), review it and apply"
                        + " it with the document's new ETag");
            }
            // The changes proposed again are the stored ones: read back in batches rather than held all at once.
            Map<Integer, UUID> created = writer.write(document, stored(id));
            SourceDocument applied = SourceDocument.findById(id);
            applied.status = DocumentStatus.APPLIED;
            applied.appliedAt = clock.instant();
            applied.appliedBy = appliedBy;
            SourceDocument.flush();
            recordCreated(id, created);
            return mapper.toView(applied);
        });
    }

    /**
     * For each kind, its latest applied document by retrieval time: the copy the counts stand on, so a reader knows
     * how current they are; and how many documents of the kind wait to be applied.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Freshness> freshness() {
        LocalDate today = LocalDate.now(clock);
        List<Freshness> all = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            Optional<SourceDocument> latest = SourceDocument.<SourceDocument>find(
                    "kind = ?1 and status = ?2 order by retrievedAt desc, id desc", kind, DocumentStatus.APPLIED)
                    .firstResultOptional();
            long pending = SourceDocument.count("kind = ?1 and status = ?2", kind, DocumentStatus.PROPOSED);
            all.add(latest.map(document -> new Freshness(kind, document.id, document.retrievedAt,
                    ChronoUnit.DAYS.between(LocalDate.ofInstant(document.retrievedAt, clock.getZone()), today), pending))
                    .orElseGet(() -> new Freshness(kind, null, null, null, pending)));
        }
        return all;
    }

    /** How many data rows a proposal read, and the SHA-256 of its changes in line order. */
    private record Proposal(int rows, String digest) {
    }

    /** Proposes the document's changeset and stores it, in batches, as document {@code id}'s changes. */
    private Proposal proposeInto(UUID id, SourceKind kind, String mediaType, byte[] bytes, String url) {
        List<Proposed> batch = new ArrayList<>(INSERT_BATCH);
        Proposal proposal = propose(kind, mediaType, bytes, url, change -> {
            batch.add(change);
            if (batch.size() == INSERT_BATCH) {
                store(id, batch);
                batch.clear();
            }
        });
        store(id, batch);
        return proposal;
    }

    /**
     * Reads the file twice, streamed: once for the identifiers and names its rows give, so that the record is read
     * only for what they can match, then to propose each row's change into the sink, in line order.
     */
    private Proposal propose(SourceKind kind, String mediaType, byte[] bytes, String url, Consumer<Proposed> sink) {
        SavedTable<Field> table = new SavedTable<>(Field.class, kind.columns);
        RecordIndex.Keys keys = new RecordIndex.Keys();
        read(table, reader(mediaType, bytes, url), kind, row -> {
            AcceptanceNumbers.canonical(row.get(Field.ACCEPTANCE_NUMBER)).ifPresent(keys.acceptanceNumbers::add);
            ApprovalNumbers.canonical(row.get(Field.APPROVAL_NUMBER)).ifPresent(keys.approvalNumbers::add);
            for (Field company : List.of(Field.COMPANY, Field.HOLDER)) {
                if (row.get(company) != null) {
                    keys.companies.add(row.get(company));
                }
            }
        });
        Proposer proposer = new Proposer(kind, RecordIndex.load(em, keys), LocalDate.now(clock));
        MessageDigest digest = Digests.sha256();
        int rows = read(table, reader(mediaType, bytes, url), kind, row -> {
            Proposed change = proposer.propose(row);
            digest.update((change.digestLine() + "\n").getBytes(StandardCharsets.UTF_8));
            sink.accept(change);
        });
        return new Proposal(rows, HexFormat.of().formatHex(digest.digest()));
    }

    private static int read(SavedTable<Field> table, RowReader reader, SourceKind kind,
            Consumer<SavedTable.Row<Field>> rows) {
        try {
            return table.read(reader, rows);
        } catch (SavedTable.MissingColumnsException e) {
            throw new ApiProblem(ProblemType.IMPORT_REJECTED, (e.anyFound
                    ? "The file's table lacks required columns of a " + kind + " list: "
                    : "The file has no table of a " + kind + " list; its required columns are missing: ")
                    + String.join(", ", e.missing), e.missing.stream()
                    .map(label -> new Problem.FieldError(label, "required column not found")).toList());
        } catch (MalformedFileException | IOException e) {
            throw rejected("The file cannot be read: " + e.getMessage());
        }
    }

    /** A document's stored changes in line order, read a batch at a time as they are iterated. */
    private Iterable<Proposed> stored(UUID id) {
        return () -> new java.util.Iterator<>() {
            private List<Proposed> batch = List.of();
            private int next;
            private int after;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next < batch.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                batch = SourceChange.<SourceChange>find("documentId = ?1 and line > ?2 order by line", id, after)
                        .range(0, INSERT_BATCH - 1).stream().map(SourceService::proposed).toList();
                next = 0;
                done = batch.size() < INSERT_BATCH;
                if (!batch.isEmpty()) {
                    after = batch.get(batch.size() - 1).line();
                }
                return !batch.isEmpty();
            }

            @Override
            public Proposed next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return batch.get(next++);
            }
        };
    }

    private static Proposed proposed(SourceChange change) {
        return new Proposed(change.line, change.action, change.acceptanceNumber, change.approvalNumber,
                change.drugName, change.company, change.candidateId, change.approvalId, change.reason,
                change.before == null ? new TreeMap<>() : new TreeMap<>(change.before),
                change.after == null ? new TreeMap<>() : new TreeMap<>(change.after));
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

    /**
     * One proposal or apply at a time, across every instance: each matches against the record as the previous one
     * left it, so two documents naming the same new sponsor do not both create it.
     */
    private void serialize() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('source_document'))").getSingleResult();
    }

    private Optional<SourceDocument> locked(UUID id) {
        return Optional.ofNullable(em.find(SourceDocument.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static void requireProposed(SourceDocument document) {
        if (document.status == DocumentStatus.APPLIED) {
            throw ApiProblem.conflict("Source document " + document.id + " was applied on " + document.appliedAt
                    + "; propose it again (POST /api/v1/sources/" + document.id + "/propose) to bring in rows"
                    + " resolved since, or upload a newer copy of the list");
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
