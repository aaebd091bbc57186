package org.milepost.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void shouldTreatAClosedClientConnectionAsClientGone() {
        // As Quarkus REST reports a response the client stopped reading (seen under wrk at the end of a run).
        IOException writing =
                new IOException(new IOException("Failed to write", new IOException("Connection has been closed")));
        assertTrue(ProblemMappers.isClientGone(writing));
        assertTrue(ProblemMappers.isClientGone(new UncheckedIOException(new ClosedChannelException())));
        assertTrue(ProblemMappers.isClientGone(new IOException("Connection reset by peer")));
    }

    @Test
    void shouldNotTreatOtherFailuresAsClientGone() {
        assertFalse(ProblemMappers.isClientGone(new IllegalStateException("boom")));
        assertFalse(ProblemMappers.isClientGone(new IOException("Disk full")));
        assertFalse(ProblemMappers.isClientGone(new SQLException("syntax error", "42601")));
    }

    @Test
    void shouldSeeDatabaseConnectionFailuresThroughWrappers() {
        assertTrue(ProblemMappers.isConnectionFailure(
                new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertFalse(ProblemMappers.isConnectionFailure(new SQLException("duplicate key", "23505")));
    }
}
