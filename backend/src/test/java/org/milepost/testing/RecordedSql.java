package org.milepost.testing;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate sends while a test action runs (statements sent through a raw JDBC connection, such as
 * the column locks, are not seen). For tests that pin how many round trips a request makes.
 */
@PersistenceUnitExtension
public class RecordedSql implements StatementInspector {

    private static final Queue<String> RECORDED = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            RECORDED.add(sql);
        }
        return sql;
    }

    /** The statements Hibernate prepared while {@code action} ran, in order, without sequence fetches. */
    public static synchronized List<String> during(Runnable action) {
        RECORDED.clear();
        recording = true;
        try {
            action.run();
        } finally {
            recording = false;
        }
        return RECORDED.stream().filter(sql -> !sql.contains("nextval(")).toList();
    }
}
