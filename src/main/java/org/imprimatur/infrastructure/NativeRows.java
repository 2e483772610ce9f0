package org.imprimatur.infrastructure;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.jpa.spi.NativeQueryConstructorTransformer;
import org.hibernate.query.NativeQuery;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * A native query whose rows are read into a record, one record type per query. Each column is
 * read as the type of the record component of the same name (so the SQL names its columns with
 * {@code AS componentName}), and Hibernate builds the record with its canonical constructor. A
 * renamed column, or one whose type cannot become the component's, fails the query rather than
 * a cast further on.
 */
public final class NativeRows {

    private static final Map<Class<?>, Class<?>> WRAPPERS = Map.of(int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, float.class, Float.class, double.class, Double.class, short.class, Short.class);

    private NativeRows() {
    }

    /** The query, ready for its parameters; its results are instances of {@code row}. */
    public static <R extends Record> NativeQuery<R> select(EntityManager entityManager, String sql, Class<R> row) {
        // Read as columns first: Hibernate would otherwise look for a public constructor, which a
        // private row record does not have. The transformer calls the canonical one all the same.
        NativeQuery<Object[]> columns = entityManager.unwrap(Session.class).createNativeQuery(sql, Object[].class);
        for (RecordComponent component : row.getRecordComponents()) {
            columns.addScalar(component.getName(), WRAPPERS.getOrDefault(component.getType(), component.getType()));
        }
        return columns.setTupleTransformer(new NativeQueryConstructorTransformer<>(row));
    }
}
