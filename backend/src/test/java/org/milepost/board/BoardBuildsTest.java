package org.milepost.board;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milepost.common.error.ProblemException;

class BoardBuildsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void shouldNeverRunMoreBuildsOfDifferentGroupsAtOnceThanItsSize() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofSeconds(30));
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int group = i;
            results.add(pool.submit(() -> builds.run(group, () -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                sleep(20);
                now.decrementAndGet();
                return bytes("group " + group);
            })));
        }
        for (int i = 0; i < 16; i++) {
            assertEquals("group " + i, text(results.get(i).get(10, TimeUnit.SECONDS)), "each group gets its own board");
        }
        assertEquals(2, most.get(), "at most two at once, and the limit was reached");
        assertEquals(0, builds.running());
        assertEquals(0, builds.groupsWithReaders(), "nothing is kept once the readers are served");
    }

    @Test
    void shouldShareOneBuildAmongReadersWhoArriveWhileTheirGroupsBoardIsBeingBuilt() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofSeconds(30));
        Numbered board = new Numbered();
        Future<byte[]> first = pool.submit(() -> builds.run("g", board));
        assertTrue(board.started.await(5, TimeUnit.SECONDS));

        List<Future<byte[]>> crowd = readers(builds, "g", board, 5);
        awaitReaders(builds, "g", 6);
        board.release.countDown();

        assertEquals("build 1", text(first.get(5, TimeUnit.SECONDS)));
        byte[] shared = crowd.get(0).get(5, TimeUnit.SECONDS);
        assertEquals(
                "build 2",
                text(shared),
                "readers who arrived while build 1 ran get a build that started after they arrived, never build 1");
        for (Future<byte[]> reader : crowd) {
            assertSame(shared, reader.get(5, TimeUnit.SECONDS), "the crowd shares one build and one copy of it");
        }
        assertEquals(2, board.builds.get(), "six readers, two builds");
        assertEquals(0, builds.groupsWithReaders());
    }

    @Test
    void shouldBuildAgainForAReaderWhoComesAfterTheLastBuildStarted() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofSeconds(30));
        Numbered board = new Numbered();
        board.release.countDown();
        assertEquals("build 1", text(builds.run("g", board)));
        assertEquals("build 2", text(builds.run("g", board)), "a build is never reused once it has been served");
    }

    @Test
    void shouldNotMakeOneGroupsReadersWaitForAnotherGroupsBuild() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofSeconds(30));
        Numbered slow = new Numbered();
        Future<byte[]> a = pool.submit(() -> builds.run("a", slow));
        assertTrue(slow.started.await(5, TimeUnit.SECONDS));

        assertEquals("board b", text(builds.run("b", () -> bytes("board b"))), "b is built while a's build runs");
        slow.release.countDown();
        assertEquals("build 1", text(a.get(5, TimeUnit.SECONDS)));
    }

    @Test
    void shouldGiveEveryReaderOfAFailedBuildTheFailureAndBuildAfreshForTheNext() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofSeconds(30));
        Numbered board = new Numbered();
        board.failing = 2;
        Future<byte[]> first = pool.submit(() -> builds.run("g", board));
        assertTrue(board.started.await(5, TimeUnit.SECONDS));
        List<Future<byte[]>> crowd = readers(builds, "g", board, 3);
        awaitReaders(builds, "g", 4);
        board.release.countDown();

        assertEquals("build 1", text(first.get(5, TimeUnit.SECONDS)));
        for (Future<byte[]> reader : crowd) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> reader.get(5, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failed.getCause(), "the build's own failure, unwrapped");
        }
        assertEquals("build 3", text(builds.run("g", board)), "the next reader starts a new build");
        assertEquals(0, builds.running());
        assertEquals(0, builds.groupsWithReaders());
    }

    @Test
    void shouldAnswerBusyWhenNoPermitFreesInTime() throws Exception {
        BoardBuilds builds = new BoardBuilds(1, Duration.ofMillis(50));
        Numbered holder = new Numbered();
        Future<byte[]> holding = pool.submit(() -> builds.run("a", holder));
        assertTrue(holder.started.await(5, TimeUnit.SECONDS));

        ProblemException busy = assertThrows(ProblemException.class, () -> builds.run("b", () -> bytes("never")));
        assertEquals(503, busy.problem().status());
        holder.release.countDown();
        holding.get(5, TimeUnit.SECONDS);
        assertEquals("later", text(builds.run("b", () -> bytes("later"))), "the permit is back once the build ends");
    }

    @Test
    void shouldAnswerBusyToReadersWaitingLongerThanTheQueueTimeoutForTheirGroupsBuild() throws Exception {
        BoardBuilds builds = new BoardBuilds(2, Duration.ofMillis(100));
        Numbered board = new Numbered();
        Future<byte[]> first = pool.submit(() -> builds.run("g", board));
        assertTrue(board.started.await(5, TimeUnit.SECONDS));
        Future<byte[]> second = pool.submit(() -> builds.run("g", board));
        Future<byte[]> third = pool.submit(() -> builds.run("g", board));

        for (Future<byte[]> waiting : List.of(second, third)) {
            ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
            ProblemException busy = assertInstanceOf(ProblemException.class, failed.getCause());
            assertEquals(503, busy.problem().status());
        }
        board.release.countDown();
        assertEquals("build 1", text(first.get(5, TimeUnit.SECONDS)), "the running build still ends normally");
        assertEquals(1, board.builds.get(), "the timed-out readers' build never ran");
        assertEquals(0, builds.groupsWithReaders());
    }

    @Test
    void shouldGiveThePermitBackWhenABuildFails() {
        BoardBuilds builds = new BoardBuilds(1, Duration.ofMillis(50));
        assertThrows(
                IllegalStateException.class,
                () -> builds.run("g", () -> {
                    throw new IllegalStateException("no such board");
                }));
        assertEquals(0, builds.running());
        assertEquals("ok", text(builds.run("g", () -> bytes("ok"))));
    }

    /** A board whose first build waits for {@link #release}; each build returns "build N" (or fails if N is failing). */
    private static final class Numbered implements Supplier<byte[]> {
        final AtomicInteger builds = new AtomicInteger();
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile int failing = -1;

        @Override
        public byte[] get() {
            int n = builds.incrementAndGet();
            started.countDown();
            await(release);
            if (n == failing) {
                throw new IllegalStateException("build " + n + " failed");
            }
            return bytes("build " + n);
        }
    }

    /** {@code count} readers of {@code key}'s board, each on a thread of its own. */
    private List<Future<byte[]>> readers(BoardBuilds builds, Object key, Supplier<byte[]> board, int count) {
        List<Future<byte[]>> readers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readers.add(pool.submit(() -> builds.run(key, board)));
        }
        return readers;
    }

    private static void awaitReaders(BoardBuilds builds, Object key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (builds.readers(key) < count) {
            assertTrue(System.nanoTime() < deadline, "only " + builds.readers(key) + " readers arrived");
            Thread.sleep(5);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
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
