package org.milepost.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.milepost.common.error.ProblemException;

class BoardBuildsTest {

    @Test
    void shouldNeverRunMoreBuildsAtOnceThanItsSize() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofSeconds(30));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                results.add(pool.submit(() -> builds.run(() -> {
                    most.accumulateAndGet(now.incrementAndGet(), Math::max);
                    sleep(20);
                    now.decrementAndGet();
                    return n;
                })));
            }
            for (int i = 0; i < 16; i++) {
                assertEquals(
                        i, results.get(i).get(10, TimeUnit.SECONDS), "every build runs and returns its own result");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, most.get(), "at most two at once, and the limit was reached");
        assertEquals(0, builds.running());
    }

    @Test
    void shouldAnswerBusyWhenNoPermitFreesInTime() throws Exception {
        BoardBuilds builds = new BoardBuilds(1, Duration.ofMillis(50));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> builds.run(() -> {
            holding.countDown();
            await(release);
            return null;
        }));
        holder.start();
        assertTrue(holding.await(5, TimeUnit.SECONDS));
        ProblemException busy = assertThrows(ProblemException.class, () -> builds.run(() -> "never"));
        assertEquals(503, busy.problem().status());
        release.countDown();
        holder.join(5000);
        assertEquals("later", builds.run(() -> "later"), "the permit is back once the build ends");
    }

    @Test
    void shouldGiveThePermitBackWhenABuildFails() {
        BoardBuilds builds = new BoardBuilds(1, Duration.ofMillis(50));
        assertThrows(
                IllegalStateException.class,
                () -> builds.run(() -> {
                    throw new IllegalStateException("no such board");
                }));
        assertEquals(0, builds.running());
        assertEquals("ok", builds.run(() -> "ok"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
