package org.milepost.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The production build ({@code target/quarkus-app/quarkus-run.jar}, prod profile) running as a process of its own, for
 * the integration tests that failsafe runs after packaging ({@code -Dmilepost.app.jar} points elsewhere). It is
 * configured only through the environment, as an operator configures it: its database, the token issuer, a free port.
 */
public final class PackagedApp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final String base;
    private Process process;

    private PackagedApp(List<String> command, Map<String, String> environment, Path log, String base) {
        this.command = command;
        this.environment = environment;
        this.log = log;
        this.base = base;
    }

    /**
     * Starts the app on a free port of 127.0.0.1 against {@code postgres} (as its superuser) and the token issuer whose
     * settings {@code oidc} holds, and waits until {@code /q/health/ready} answers 200. Its output goes to
     * {@code target/<name>.log}.
     */
    public static PackagedApp start(
            String name, EmbeddedPostgres postgres, Map<String, String> oidc, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("milepost.app.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package the app first: " + jar.toAbsolutePath());
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Map<String, String> env = Map.of(
                "QUARKUS_HTTP_HOST",
                "127.0.0.1",
                "QUARKUS_HTTP_PORT",
                String.valueOf(port),
                "QUARKUS_DATASOURCE_JDBC_URL",
                postgres.getJdbcUrl("postgres", "postgres"),
                "QUARKUS_DATASOURCE_USERNAME",
                "postgres",
                "QUARKUS_DATASOURCE_PASSWORD",
                "postgres",
                "QUARKUS_OIDC_AUTH_SERVER_URL",
                oidc.get("quarkus.oidc.auth-server-url"),
                "QUARKUS_OIDC_CLIENT_ID",
                oidc.get("quarkus.oidc.client-id"),
                "QUARKUS_OIDC_TOKEN_AUDIENCE",
                Tokens.AUDIENCE);
        Path log = Path.of("target", name + ".log");
        Files.deleteIfExists(log);
        PackagedApp app = new PackagedApp(command, env, log, "http://127.0.0.1:" + port);
        app.launch(timeout);
        return app;
    }

    /** {@code http://127.0.0.1:port}. */
    public String base() {
        return base;
    }

    /** Kills the process with SIGKILL (no shutdown hooks) and starts it again with the same settings. */
    public void killAndRestart(Duration timeout) throws IOException, InterruptedException {
        process.destroyForcibly().waitFor();
        launch(timeout);
    }

    /** Stops the process (SIGTERM) and waits for it. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    private void launch(Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString())));
        builder.environment().putAll(environment);
        process = builder.start();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the app stopped during start-up; see " + log.toAbsolutePath());
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the app did not become ready; see " + log.toAbsolutePath());
    }
}
