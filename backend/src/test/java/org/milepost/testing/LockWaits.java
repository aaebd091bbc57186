package org.milepost.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/** For tests that hold a database lock so that a request stops in the middle. */
public final class LockWaits {

    private LockWaits() {}

    /**
     * Returns once another session waits for a lock (the request under test has reached the locked rows), or fails
     * after 20 s naming {@code what} never waited.
     */
    public static void awaitSomeoneWaiting(Connection c, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity"
                            + " where wait_event_type = 'Lock' and pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError(what + " never started waiting");
    }
}
