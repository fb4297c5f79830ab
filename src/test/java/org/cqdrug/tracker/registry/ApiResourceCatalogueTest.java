package org.cqdrug.tracker.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import org.cqdrug.tracker.testsupport.Lanes;
import org.hibernate.envers.Audited;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The registry of tracked resources against what the database and Hibernate actually have: a tracked table without
 * its change-counter trigger would serve stale kept answers and ETags, one without its {@code _aud} twin would lose
 * its history, and an audited entity missing from the registry would be missing from the change feed.
 */
@Tag(Lanes.DATABASE)
@QuarkusTest
class ApiResourceCatalogueTest {

    @Inject
    EntityManager em;

    private static Set<String> registered() {
        return ApiResource.tracked().stream().map(resource -> resource.table).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The change feed names each kind of row as the last part of its list's path, such as published-counts. */
    @Test
    void theFeedNamesEachResourceAsItsPathDoes() {
        for (ApiResource resource : ApiResource.inFeed()) {
            org.junit.jupiter.api.Assertions.assertTrue(resource.feedPath.contains("/" + resource.feedName() + "/'"),
                    resource + " is named " + resource.feedName() + " but served at " + resource.feedPath);
        }
    }

    @Test
    void exactlyTheTrackedTablesBumpTheChangeCounter() {
        String triggers = "select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                + " join pg_proc p on p.oid = t.tgfoid where p.proname = 'record_change' and not t.tgisinternal"
                + " and c.relnamespace = current_schema()::regnamespace";
        assertEquals(registered(), tables(triggers), "tables with a trigger calling record_change()");
        // pg_trigger.tgtype bits: 1 row-level, 2 before, 4 insert, 8 delete, 16 update, 32 truncate. Before each
        // statement, so that every writer takes the counter's lock before any row lock (V3__change_tracking.sql).
        assertEquals(registered(), tables(triggers + " and t.tgname = c.relname || '_changed' and t.tgtype & 1 = 0"
                        + " and t.tgtype & 2 = 2 and t.tgtype & 60 = 60"),
                "tables whose record_change() trigger is <table>_changed, before every writing statement");
    }

    @Test
    void exactlyTheTrackedTablesHaveAnAuditTwin() {
        assertEquals(registered(), tables("select substr(table_name, 1, length(table_name) - 4) from"
                + " information_schema.tables where table_schema = current_schema() and table_name like '%\\_aud'"),
                "tables with a <table>_aud twin");
    }

    @Test
    void everyAuditedEntityIsATrackedResource() {
        Set<String> audited = em.getMetamodel().getEntities().stream().map(entity -> entity.getJavaType())
                .filter(type -> type.isAnnotationPresent(Audited.class))
                .map(type -> {
                    Table table = type.getAnnotation(Table.class);
                    if (table == null) {
                        throw new AssertionError(type.getName() + " is @Audited but names no @Table");
                    }
                    return table.name();
                })
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> withEntity = registered();
        withEntity.retainAll(audited);
        assertEquals(audited, withEntity, "@Audited entities whose table the registry does not track");
    }

    private Set<String> tables(String sql) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(sql).getResultList();
        return rows.stream().map(Object::toString).collect(Collectors.toCollection(TreeSet::new));
    }
}
