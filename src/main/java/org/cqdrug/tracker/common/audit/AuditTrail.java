package org.cqdrug.tracker.common.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.cqdrug.tracker.common.TrackedEntity;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

/**
 * A row's history from the audit tables (Hibernate Envers), each revision shown through the row's own view record,
 * so the history speaks the API's field names. Changed fields are found by comparing each state with the one before.
 */
@ApplicationScoped
public class AuditTrail {

    private static final TypeReference<LinkedHashMap<String, Object>> FIELDS = new TypeReference<>() {
    };
    /** What the revision itself says, or what history does not track. */
    private static final Set<String> NOT_STATE = Set.of("id", "createdAt", "updatedAt", "version");

    private final EntityManager em;
    private final ObjectMapper json;

    public AuditTrail(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Every revision of the row, oldest first; empty when the row neither exists nor ever existed. */
    public <E extends TrackedEntity> Optional<List<HistoryEntry>> of(Class<E> type, UUID id, Function<E, ?> view) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(type, false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        if (revisions.isEmpty()) {
            return em.find(type, id) == null ? Optional.empty() : Optional.of(List.of());
        }
        List<HistoryEntry> entries = new ArrayList<>();
        Map<String, Object> before = Map.of();
        for (Object[] revision : revisions) {
            Revision meta = (Revision) revision[1];
            RevisionType kind = (RevisionType) revision[2];
            Map<String, Object> state = state(view.apply(type.cast(revision[0])));
            List<String> changed = new ArrayList<>();
            if (kind != RevisionType.DEL) {
                for (Map.Entry<String, Object> field : state.entrySet()) {
                    if (!Objects.equals(field.getValue(), before.get(field.getKey()))
                            && (kind != RevisionType.ADD || field.getValue() != null)) {
                        changed.add(field.getKey());
                    }
                }
            }
            entries.add(new HistoryEntry(meta.id, meta.changedAt, meta.author, operation(kind), changed, state));
            before = state;
        }
        return Optional.of(entries);
    }

    private Map<String, Object> state(Object view) {
        LinkedHashMap<String, Object> fields = json.convertValue(view, FIELDS);
        fields.keySet().removeAll(NOT_STATE);
        return fields;
    }

    private static HistoryEntry.Operation operation(RevisionType kind) {
        return switch (kind) {
            case ADD -> HistoryEntry.Operation.CREATED;
            case MOD -> HistoryEntry.Operation.UPDATED;
            case DEL -> HistoryEntry.Operation.DELETED;
        };
    }
}
