package org.cqdrug.tracker.candidate;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * Which candidate holds an acceptance number: the database keeps this table in step with each candidate's
 * acceptanceNumbers (V15's trigger) and holds their uniqueness; the application only reads it.
 */
@Entity
@Immutable
@Table(name = "acceptance_number")
public class AcceptanceNumber extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "candidate_id", nullable = false)
    public UUID candidateId;
}
