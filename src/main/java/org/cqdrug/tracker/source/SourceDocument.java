package org.cqdrug.tracker.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.cqdrug.tracker.common.TrackedEntity;
import org.hibernate.envers.Audited;

/** A saved official list as uploaded, with its provenance; its bytes are kept apart (SourceContent). */
@Entity
@Audited
@Table(name = "source_document")
public class SourceDocument extends TrackedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind kind;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The address the file was saved from. */
    @Column(nullable = false)
    public String url;

    @Column(name = "retrieved_at", nullable = false)
    public Instant retrievedAt;

    /** The API key (its name) that uploaded it. */
    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    /** Data rows found in its table. */
    @Column(name = "rows_read", nullable = false)
    public int rowsRead;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    /** SHA-256 over the proposed changes, to tell at apply time whether the record moved since they were proposed. */
    @Column(name = "changeset_digest", nullable = false)
    public String changesetDigest;

    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;

    @Column(name = "applied_at")
    public Instant appliedAt;

    @Column(name = "applied_by")
    public String appliedBy;
}
