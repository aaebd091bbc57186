package org.milepost.live;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.milepost.history.HistoryRecorder;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This instance's ear on the database (ADR 0011): one dedicated connection, outside the pool, that LISTENs to the
 * channel every committed change is announced on — by any instance — and hands each notification to
 * {@link LiveEvents}. It runs on a thread of its own; when the connection is lost (a database restart, a killed
 * backend, a network failure) it connects again with growing pauses and then asks clients to resync, since
 * notifications sent meanwhile are gone.
 */
@ApplicationScoped
public class ChangeListener {

    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    /** How long one wait for notifications blocks; bounds how quickly the thread notices it should stop. */
    private static final int WAIT_MILLIS = 500;

    private final LiveEvents events;
    private final LiveConfig config;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    @Inject
    public ChangeListener(
            LiveEvents events,
            LiveConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.events = events;
        this.config = config;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Live updates: not listening for changes (milepost.live.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, "milepost-live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5000);
        }
    }

    /** Whether the LISTEN connection is up (for tests and diagnostics). */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        long delay = config.reconnectDelay().toMillis();
        boolean lostOnce = false;
        int failures = 0;
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + HistoryRecorder.CHANNEL);
                }
                listening = true;
                if (lostOnce) {
                    LOG.infof("Live updates: listening again after %d failed attempt(s)", failures);
                    events.resync();
                } else {
                    LOG.debug("Live updates: listening for changes");
                }
                delay = config.reconnectDelay().toMillis();
                failures = 0;
                listen(connection);
            } catch (SQLException e) {
                listening = false;
                if (!running) {
                    break;
                }
                lostOnce = true;
                failures++;
                if (failures == 1) {
                    LOG.warnf("Live updates: lost the database connection (%s); connecting again", e.getMessage());
                } else {
                    LOG.debugf("Live updates: still no database connection (%s)", e.getMessage());
                }
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                delay = Math.min(delay * 2, config.maxReconnectDelay().toMillis());
            } catch (RuntimeException e) {
                LOG.error("Live updates: unexpected failure while listening; starting over", e);
                lostOnce = true;
                sleepQuietly(delay);
            }
        }
        listening = false;
    }

    /** Waits for notifications until the connection fails or the app stops; checks an idle connection now and then. */
    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long checkAfter = config.checkAfter().toMillis();
        long quietSince = System.currentTimeMillis();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    events.publish(notification.getParameter());
                }
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince > checkAfter) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1"); // a half-open connection fails here rather than waiting forever
                }
                quietSince = System.currentTimeMillis();
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty("user", u));
        password.ifPresent(p -> properties.setProperty("password", p));
        properties.setProperty("ApplicationName", "milepost-live-listener");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("connectTimeout", "5");
        // The driver directly, not DriverManager: its registry depends on class loaders, the driver class does not.
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + url);
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
