package org.cqdrug.tracker.source;

import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UuidGenerator;
import org.hibernate.type.SqlTypes;

/** One proposed change: what a row of a document means for the record, with the values before and after. */
@Entity
@Table(name = "source_change")
public class SourceChange extends PanacheEntityBase {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(nullable = false)
    public int line;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChangeAction action;

    @Column(name = "acceptance_number")
    public String acceptanceNumber;

    @Column(name = "approval_number")
    public String approvalNumber;

    @Column(name = "drug_name")
    public String drugName;

    public String company;

    @Column(name = "candidate_id")
    public UUID candidateId;

    @Column(name = "approval_id")
    public UUID approvalId;

    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_values")
    public Map<String, Object> before;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_values")
    public Map<String, Object> after;
}
