package org.cqdrug.tracker.source;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a source document, exactly as uploaded; written once. */
@Entity
@Table(name = "source_document_content")
public class SourceContent extends PanacheEntityBase {

    @Id
    @Column(name = "document_id")
    public UUID documentId;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;
}
