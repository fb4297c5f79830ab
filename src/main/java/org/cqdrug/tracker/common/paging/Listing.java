package org.cqdrug.tracker.common.paging;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.cqdrug.tracker.common.TrackedEntity;
import org.cqdrug.tracker.common.problem.ApiProblem;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Lists of one entity: filtering, whitelisted sorting, keyset paging, facet counts and streaming, in one place.
 * Paging is keyset-based for every sort: the cursor carries the last row's sort values and id, and the next page
 * starts strictly after them, so a deep page costs what the first does and rows added meanwhile are neither skipped
 * nor repeated. The id breaks ties, in the direction of the last sort key.
 */
public final class Listing<E extends TrackedEntity> {

    public static final int MAX_SORT_KEYS = 4;

    private final Class<E> type;
    private final Map<String, SortKey> sortKeys = new LinkedHashMap<>();

    @SafeVarargs
    public Listing(Class<E> type, SortKey... keys) {
        this.type = type;
        for (SortKey key : keys) {
            sortKeys.put(key.name(), key);
        }
    }

    private String sortableFields() {
        return String.join(", ", sortKeys.keySet());
    }

    private record Order(SortKey key, boolean descending) {
    }

    public <D> Page<D> page(Criteria criteria, PageParams page, Function<E, D> view) {
        List<Order> orders = orders(page.sort);
        String sort = normalized(orders);
        List<String> cursor = Cursors.decode(page.cursor, sort, orders.size() + 1);
        Map<String, Object> params = new LinkedHashMap<>(criteria.parameters());
        List<String> keyset = new ArrayList<>();
        if (cursor != null) {
            keyset.add(keysetCondition(orders, cursor, params));
        }
        TypedQuery<Object[]> query = em().createQuery(select(orders) + criteria.where(keyset) + orderBy(orders),
                Object[].class);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.setMaxResults(page.limit + 1).getResultList();
        boolean more = rows.size() > page.limit;
        List<Object[]> shown = more ? rows.subList(0, page.limit) : rows;
        List<D> items = new ArrayList<>(shown.size());
        for (Object[] row : shown) {
            items.add(view.apply(type.cast(row[0])));
        }
        String next = more ? Cursors.encode(sort, values(shown.get(shown.size() - 1))) : null;
        return new Page<>(items, next);
    }

    /**
     * Checks the sort now and answers a producer that hands every matching row, in that order, to a sink: keyset
     * pages of {@code batchSize} rows, each read in a transaction of its own, so memory stays flat
     * and the last batch costs what the first does however many rows match. Rows added during the export are neither
     * repeated nor make it skip others.
     */
    public <D> Consumer<Consumer<D>> exporter(Criteria criteria, String sort, Function<E, D> view, int batchSize) {
        orders(sort);
        return sink -> {
            PageParams batch = new PageParams();
            batch.limit = batchSize;
            batch.sort = sort;
            do {
                Page<D> page = QuarkusTransaction.requiringNew().call(() -> {
                    // read only: no snapshots to keep and nothing to dirty-check and flush at commit (a sixth of the
                    // export's time)
                    Session session = em().unwrap(Session.class);
                    session.setDefaultReadOnly(true);
                    session.setHibernateFlushMode(FlushMode.MANUAL);
                    return page(criteria, batch, view);
                });
                page.items().forEach(sink);
                batch.cursor = page.nextCursor();
            } while (batch.cursor != null);
        };
    }

    /**
     * Counts of matching rows per value of a field, most frequent first, at most {@code facet.limit} of them;
     * {@code fields} maps names to HQL.
     */
    public List<FacetCount> facets(Criteria criteria, FacetParams facet, Map<String, String> fields) {
        String field = facet.field;
        String expression = field == null ? null : fields.get(field);
        if (expression == null) {
            throw ApiProblem.invalid("field", (field == null ? "is required" : "cannot be '" + field + "'")
                    + "; facet fields are " + String.join(", ", fields.keySet()));
        }
        String hql = "select " + expression + ", count(e) from " + type.getSimpleName() + " e" + criteria.where(List.of())
                + " group by " + expression + " order by count(e) desc, " + expression;
        TypedQuery<Object[]> query = em().createQuery(hql, Object[].class);
        criteria.parameters().forEach(query::setParameter);
        return query.setMaxResults(facet.limit).getResultList().stream()
                .map(row -> new FacetCount(row[0] instanceof Enum<?> e ? e.name() : row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    private EntityManager em() {
        return Panache.getEntityManager(type);
    }

    private List<Order> orders(String sort) {
        List<Order> orders = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return orders;
        }
        Set<String> seen = new HashSet<>();
        for (String token : sort.split(",")) {
            String field = token.trim();
            boolean descending = field.startsWith("-");
            if (descending) {
                field = field.substring(1);
            }
            SortKey key = sortKeys.get(field);
            if (key == null) {
                throw ApiProblem.invalid("sort", "cannot use '" + field + "'; sortable fields are " + sortableFields()
                        + ", each optionally prefixed with - for descending");
            }
            if (!seen.add(field)) {
                throw ApiProblem.invalid("sort", "names '" + field + "' twice");
            }
            orders.add(new Order(key, descending));
        }
        if (orders.size() > MAX_SORT_KEYS) {
            throw ApiProblem.invalid("sort", "takes at most " + MAX_SORT_KEYS + " fields");
        }
        return orders;
    }

    private static String normalized(List<Order> orders) {
        return String.join(",", orders.stream().map(o -> (o.descending ? "-" : "") + o.key.name()).toList());
    }

    private boolean idDescending(List<Order> orders) {
        return !orders.isEmpty() && orders.get(orders.size() - 1).descending;
    }

    private String select(List<Order> orders) {
        StringBuilder select = new StringBuilder("select e");
        for (Order order : orders) {
            select.append(", ").append(order.key.hql());
        }
        return select.append(", e.id from ").append(type.getSimpleName()).append(" e").toString();
    }

    private String orderBy(List<Order> orders) {
        StringBuilder order = new StringBuilder(" order by ");
        for (Order o : orders) {
            order.append(o.key.hql()).append(o.descending ? " desc, " : " asc, ");
        }
        return order.append("e.id").append(idDescending(orders) ? " desc" : " asc").toString();
    }

    /** (k1 > c1) or (k1 = c1 and k2 > c2) or ... or (all equal and id > last id), with the first key also bounded. */
    private String keysetCondition(List<Order> orders, List<String> cursor, Map<String, Object> params) {
        List<String> expressions = new ArrayList<>();
        List<Boolean> descending = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            expressions.add(orders.get(i).key.hql());
            descending.add(orders.get(i).descending);
            params.put("after" + i, read(orders.get(i).key.type(), cursor.get(i)));
        }
        expressions.add("e.id");
        descending.add(idDescending(orders));
        params.put("after" + orders.size(), read(UUID.class, cursor.get(orders.size())));

        List<String> terms = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                term.append(expressions.get(j)).append(" = :after").append(j).append(" and ");
            }
            term.append(expressions.get(i)).append(descending.get(i) ? " < " : " > ").append(":after").append(i).append(')');
            terms.add(term.toString());
        }
        String leading = expressions.get(0) + (descending.get(0) ? " <= " : " >= ") + ":after0";
        return leading + " and (" + String.join(" or ", terms) + ")";
    }

    private static List<String> values(Object[] row) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i < row.length; i++) {
            Object value = row[i];
            values.add(value instanceof Enum<?> e ? e.name()
                    : value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value));
        }
        return values;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object read(Class<?> type, String raw) {
        try {
            if (type == String.class) {
                return raw;
            } else if (type == UUID.class) {
                return UUID.fromString(raw);
            } else if (type == LocalDate.class) {
                return LocalDate.parse(raw);
            } else if (type == Instant.class) {
                return Instant.parse(raw);
            } else if (type == Integer.class) {
                return Integer.valueOf(raw);
            } else if (type == Long.class) {
                return Long.valueOf(raw);
            } else if (type == BigDecimal.class) {
                return new BigDecimal(raw);
            } else if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, raw);
            }
        } catch (RuntimeException e) {
            // a tampered value falls through to the problem below
        }
        throw ApiProblem.invalid("cursor", "is not a cursor issued by this API; use nextCursor from a previous page");
    }
}
