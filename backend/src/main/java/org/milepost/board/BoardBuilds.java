package org.milepost.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;

/**
 * Bounds how many boards are read and serialised at once. A 5,000-card board holds ~15 MB of rows, views and JSON
 * while it is built; sixteen clients reading one at once ran a 128 MB heap out of memory. On two cores more builds
 * at once add no throughput, only memory, so the others wait their turn (fairly), and after {@code queue-timeout}
 * get a 503 with Retry-After instead of piling up.
 */
@ApplicationScoped
public class BoardBuilds {

    private final Semaphore permits;
    private final int size;
    private final Duration queueTimeout;

    @Inject
    public BoardBuilds(
            @ConfigProperty(name = "milepost.board.max-concurrent-builds") Optional<Integer> max,
            @ConfigProperty(name = "milepost.board.queue-timeout", defaultValue = "PT30S") Duration queueTimeout) {
        this(max.filter(n -> n > 0).orElse(Math.max(2, Runtime.getRuntime().availableProcessors())), queueTimeout);
    }

    BoardBuilds(int size, Duration queueTimeout) {
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.queueTimeout = queueTimeout;
    }

    /** Runs {@code build} when a permit is free (waiting at most the queue timeout), and returns what it made. */
    public <T> T run(Supplier<T> build) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(queueTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(new Problem(
                    "/problems/busy",
                    "Busy",
                    503,
                    "Too many boards are being read at once; try again in a few seconds",
                    null,
                    null,
                    null));
        }
        try {
            return build.get();
        } finally {
            permits.release();
        }
    }

    /** Builds running now. */
    int running() {
        return size - permits.availablePermits();
    }
}
