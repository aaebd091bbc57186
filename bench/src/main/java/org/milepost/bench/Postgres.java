package org.milepost.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster from the machine's own server binaries (Debian: {@code apt-get install postgresql};
 * found under /usr/lib/postgresql/N/bin, or set {@code PG_BIN}). It runs as the {@code postgres} user when the
 * bench runs as root (PostgreSQL refuses root), listens on 127.0.0.1 only, and loads pg_stat_statements so the
 * suite can count SQL statements and rows written.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "milepost";
    public static final String APP_USER = "milepost";
    public static final String APP_PASSWORD = "milepost";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private String version;

    private Postgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /**
     * Creates and starts a cluster. {@code durable} keeps PostgreSQL's defaults (fsync on, synchronous commit),
     * as in production; the smoke turns them off for speed.
     */
    public static Postgres start(boolean durable) throws IOException, InterruptedException, SQLException {
        Path bin = findBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("milepost-bench-pg-");
        Postgres pg = new Postgres(bin, dir, freePort(), root);
        if (root) {
            Proc.run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        Path data = dir.resolve("data");
        pg.pg(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync"));
        String conf =
                """

                # milepost bench
                listen_addresses = '127.0.0.1'
                port = %d
                unix_socket_directories = '%s'
                max_connections = 100
                shared_preload_libraries = 'pg_stat_statements'
                pg_stat_statements.track = all
                pg_stat_statements.track_utility = on
                fsync = %s
                synchronous_commit = %s
                full_page_writes = %s
                log_min_messages = warning
                """
                        .formatted(
                                pg.port, dir, durable ? "on" : "off", durable ? "on" : "off", durable ? "on" : "off");
        Path confFile = data.resolve("postgresql.conf");
        if (root) {
            pg.pg(List.of("sh", "-c", "cat >> '" + confFile + "' <<'EOF'\n" + conf + "\nEOF"));
        } else {
            Files.writeString(confFile, Files.readString(confFile) + conf);
        }
        pg.pg(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                dir.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "start"));
        try (Connection c = pg.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("create role " + APP_USER + " login password '" + APP_PASSWORD + "'");
            s.execute("create database " + DATABASE + " owner " + APP_USER);
            try (ResultSet rs = s.executeQuery("show server_version")) {
                rs.next();
                pg.version = rs.getString(1);
            }
        }
        try (Connection c = pg.connect(DATABASE);
                Statement s = c.createStatement()) {
            s.execute("create extension pg_stat_statements");
        }
        return pg;
    }

    static Path findBinaries() {
        String env = System.getenv("PG_BIN");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                var found = versions.filter(p -> Files.isExecutable(p.resolve("bin/postgres")))
                        .max(Comparator.comparing(p -> {
                            String name = p.getFileName().toString();
                            return name.matches("\\d+") ? Integer.parseInt(name) : 0;
                        }));
                if (found.isPresent()) {
                    return found.get().resolve("bin");
                }
            } catch (IOException e) {
                // fall through to the error below
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries found. Install them (Debian: "
                + "apt-get install -y postgresql) or set PG_BIN to the directory holding initdb, pg_ctl and postgres.");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String version() {
        return version;
    }

    public Connection connect(String database) throws IOException {
        try {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
        } catch (SQLException e) {
            throw new IOException("Cannot connect to the bench PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * CPU time (clock ticks) used so far by this cluster's server processes (the postmaster's children: the app's
     * connections, the WAL writer, checkpointer…). Connections live in the app's pool, so deltas over a run are
     * what serving it cost the database.
     */
    public long cpuTicks() throws IOException {
        long postmaster = Long.parseLong(
                Files.readAllLines(dir.resolve("data/postmaster.pid")).get(0).trim());
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == postmaster) {
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    /** Forgets what pg_stat_statements has counted so far. */
    public void resetStatements() throws IOException {
        query("select pg_stat_statements_reset()");
    }

    /**
     * What pg_stat_statements counted since the last reset, for the app's user only: calls and rows per kind of
     * statement (select, insert, update, delete, other — BEGIN/COMMIT/SET and the like). Only statements the app
     * sent (top level), not those PostgreSQL runs inside them such as foreign-key checks.
     */
    public Map<String, long[]> statementsByKind() throws IOException {
        Map<String, long[]> kinds = new LinkedHashMap<>();
        for (String k : List.of("select", "insert", "update", "delete", "other")) {
            kinds.put(k, new long[2]);
        }
        for (List<String> row : query(
                """
                select lower(split_part(ltrim(s.query), ' ', 1)), sum(s.calls), sum(s.rows)
                from pg_stat_statements s join pg_roles r on r.oid = s.userid
                where r.rolname = '%s' and s.toplevel group by 1"""
                        .formatted(APP_USER))) {
            String kind = kinds.containsKey(row.get(0)) ? row.get(0) : "other";
            long[] v = kinds.get(kind);
            v[0] += Long.parseLong(row.get(1));
            v[1] += Long.parseLong(row.get(2));
        }
        return kinds;
    }

    /**
     * The statements the app ran since the last reset, most called first: for the report's appendix. Statements
     * PostgreSQL ran inside them (foreign-key checks of an INSERT or UPDATE) are listed too, marked nested.
     */
    public List<List<String>> topStatements(int limit) throws IOException {
        return query(
                """
                select s.calls::text, s.rows::text, round(s.mean_exec_time::numeric, 3)::text,
                       case when s.toplevel then '' else '(nested) ' end || regexp_replace(s.query, '\\s+', ' ', 'g')
                from pg_stat_statements s join pg_roles r on r.oid = s.userid
                where r.rolname = '%s' order by s.calls desc, s.total_exec_time desc limit %d"""
                        .formatted(APP_USER, limit));
    }

    /**
     * Waits until the app has no statement running (a load tool that stops at the end of its duration leaves
     * requests in flight; their commits must land before the next run reads the cards' versions).
     */
    public void awaitAppIdle() throws IOException, InterruptedException {
        Thread.sleep(200);
        for (int i = 0; i < 100; i++) {
            String active = query("select count(*) from pg_stat_activity where usename = '" + APP_USER
                            + "' and state <> 'idle' and pid <> pg_backend_pid()")
                    .get(0)
                    .get(0);
            if ("0".equals(active)) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /**
     * Rows inserted, updated and deleted in the app's tables, as the statistics collector has them; the fourth value
     * is the rows inserted into the history table ({@code change}), which the budget allows on top.
     */
    public long[] rowsWritten() throws IOException {
        List<String> row = query(
                        """
                select coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0), coalesce(sum(n_tup_del), 0),
                       coalesce(sum(n_tup_ins) filter (where relname = 'change'), 0)
                from pg_stat_user_tables where schemaname = 'public'""")
                .get(0);
        return new long[] {
            Long.parseLong(row.get(0)),
            Long.parseLong(row.get(1)),
            Long.parseLong(row.get(2)),
            Long.parseLong(row.get(3))
        };
    }

    /**
     * Waits until every backend has reported its table statistics (PostgreSQL flushes them when a backend goes
     * idle, at most about every ten seconds), i.e. until two readings a second apart agree after at least
     * {@code minWaitMillis}.
     */
    public long[] rowsWrittenSettled(long minWaitMillis) throws IOException, InterruptedException {
        Thread.sleep(minWaitMillis);
        long[] last = rowsWritten();
        for (int i = 0; i < 15; i++) {
            Thread.sleep(1000);
            long[] now = rowsWritten();
            if (java.util.Arrays.equals(now, last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    public List<List<String>> query(String sql) throws IOException {
        try (Connection c = connect(DATABASE);
                Statement s = c.createStatement()) {
            List<List<String>> rows = new ArrayList<>();
            if (!s.execute(sql)) {
                return rows;
            }
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private boolean closed;

    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pg(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    dir.resolve("data").toString(),
                    "-m",
                    "fast",
                    "-w",
                    "stop"));
        } finally {
            Proc.run(List.of("rm", "-rf", dir.toString()));
        }
    }

    private void pg(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Proc.run(full);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
