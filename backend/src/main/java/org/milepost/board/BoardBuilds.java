package org.milepost.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;

/**
 * Runs board builds (read and serialised to JSON) so that many readers cost little (ADR 0017).
 *
 * <p><b>Readers of one group share a build.</b> A request that arrives while its group's board is being built does not
 * start a build of its own and does not take the one under way (that one may have read the database before the
 * request arrived, so it could miss a change the reader has just made). It joins the <em>next</em> build, which starts
 * once the running one ends and serves every request that joined it. Each reader so gets a board read after it
 * arrived, and a crowd (sixteen clients on one board, or every open browser refetching after a live update) costs two
 * builds instead of sixteen, and one copy of the JSON instead of sixteen.
 *
 * <p><b>Builds of different groups are bounded.</b> A 5,000-card board holds ~15 MB of rows, views and JSON while it is
 * built; on two cores more builds at once add no throughput, only memory. At most {@code size} run at once; the others
 * wait their turn (fairly), and after {@code queue-timeout} get a 503 with Retry-After instead of piling up.
 */
@ApplicationScoped
public class BoardBuilds {

    private final Semaphore permits;
    private final int size;
    private final Duration queueTimeout;
    /** Per group with readers now: whether its build runs, and the build readers join. Guarded by itself. */
    private final Map<Object, Slot> slots = new HashMap<>();

    private static final class Slot {
        boolean running;
        /** The build that starts when the running one ends; {@code null} until a reader arrives meanwhile. */
        CompletableFuture<byte[]> next;
        /** Requests holding this slot (it is dropped at zero). */
        int users;
    }

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

    /**
     * The result of a build of {@code key}'s board that started after this call: its own, run on this thread, or the
     * one it shares with the other callers that arrived while the previous build of the same key ran. The bytes may be
     * shared: callers must not change them.
     */
    public byte[] run(Object key, Supplier<byte[]> build) {
        long deadline = System.nanoTime() + queueTimeout.toNanos();
        Slot slot;
        CompletableFuture<byte[]> result;
        boolean lead;
        synchronized (slots) {
            slot = slots.computeIfAbsent(key, k -> new Slot());
            slot.users++;
            lead = slot.next == null;
            if (lead) {
                slot.next = new CompletableFuture<>();
            }
            result = slot.next;
        }
        try {
            if (lead) {
                return lead(slot, result, build, deadline);
            }
            return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            // The shared build failed: every reader that joined it gets the same failure (a 503 when the database was
            // unreachable, say); the next reader starts a new build.
            throw e.getCause() instanceof RuntimeException failure
                    ? failure
                    : new IllegalStateException("the board could not be built", e.getCause());
        } finally {
            synchronized (slots) {
                if (--slot.users == 0) {
                    slots.remove(key);
                }
            }
        }
    }

    /** Waits for the key's running build to end, then builds for itself and every reader that joined meanwhile. */
    private byte[] lead(Slot slot, CompletableFuture<byte[]> result, Supplier<byte[]> build, long deadline)
            throws InterruptedException {
        synchronized (slots) {
            while (slot.running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    // Nobody will run this build: the readers that joined it get the same answer as this one.
                    if (slot.next == result) {
                        slot.next = null;
                    }
                    ProblemException busy = busy();
                    result.completeExceptionally(busy);
                    throw busy;
                }
                TimeUnit.NANOSECONDS.timedWait(slots, left);
            }
            slot.running = true;
            // From here on, arriving readers join a new build: this one may read the database before they arrived.
            slot.next = null;
        }
        try {
            byte[] built = bounded(build, deadline);
            result.complete(built);
            return built;
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (slots) {
                slot.running = false;
                slots.notifyAll();
            }
        }
    }

    /** Runs {@code build} under one of the {@code size} permits, waiting for one until the deadline. */
    private byte[] bounded(Supplier<byte[]> build, long deadline) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw busy();
        }
        try {
            return build.get();
        } finally {
            permits.release();
        }
    }

    private static ProblemException busy() {
        return new ProblemException(new Problem(
                "/problems/busy",
                "Busy",
                503,
                "Too many boards are being read at once; try again in a few seconds",
                null,
                null,
                null));
    }

    /** Builds running now. */
    int running() {
        return size - permits.availablePermits();
    }

    /** Readers of the key's board now (waiting, building or sharing a build). */
    int readers(Object key) {
        synchronized (slots) {
            Slot slot = slots.get(key);
            return slot == null ? 0 : slot.users;
        }
    }

    /** Groups with readers now (waiting, building or sharing a build). */
    int groupsWithReaders() {
        synchronized (slots) {
            return slots.size();
        }
    }
}
