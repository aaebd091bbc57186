package org.milepost.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milepost.common.error.Problem;
import org.milepost.testing.PackagedApp;
import org.milepost.testing.TestIdentityProvider;

/**
 * The production build serves its OpenAPI document in full, and builds it on the first request for it rather than
 * during start-up (ADR 0020, {@code DeferredOpenApiDocumentService}). The JVM logs every class it loads; the class that
 * builds documents ({@code SmallRyeOpenAPI}) must not have been loaded while the app started and answered an API call,
 * and must have been once the document was asked for.
 */
class OpenApiDocumentIT {

    private static final Path CLASS_LOG = Path.of("target/openapi-document-classes.log");
    private static final Pattern DOCUMENT_BUILDER =
            Pattern.compile("\\sio\\.smallrye\\.openapi\\.api\\.SmallRyeOpenAPI\\s");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestIdentityProvider identityProvider;
    private static EmbeddedPostgres postgres;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Boolean.getBoolean("milepost.it"), "an integration test: run by failsafe (./mvnw verify)");
        identityProvider = new TestIdentityProvider();
        var oidc = identityProvider.start();
        postgres = EmbeddedPostgres.builder().start();
        Files.deleteIfExists(CLASS_LOG);
        app = PackagedApp.start(
                "openapi-document-app",
                postgres,
                oidc,
                List.of("-Xlog:class+load=info:file=" + CLASS_LOG),
                Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (identityProvider != null) {
            identityProvider.stop();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(app.base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldBuildTheDocumentOnTheFirstRequestForItAndServeItWhole() throws Exception {
        assertEquals(200, get("/api/groups").statusCode());
        assertTrue(Files.readString(CLASS_LOG).contains("org.milepost."), "the class log is written as classes load");
        assertFalse(
                DOCUMENT_BUILDER.matcher(Files.readString(CLASS_LOG)).find(),
                "the OpenAPI document was built during start-up");

        HttpResponse<String> first = get("/q/openapi?format=json");
        assertEquals(200, first.statusCode());
        JsonNode spec = new ObjectMapper().readTree(first.body());
        assertEquals("Milepost API", spec.at("/info/title").asText());
        assertTrue(spec.path("paths").has("/api/groups/{slug}/board"), "the board endpoint is documented");
        // Error responses carry the Problem schema (org.milepost.common.error.ProblemResponses).
        assertEquals(
                "#/components/schemas/Problem",
                spec.at("/paths/~1api~1groups~1{slug}~1board/get/responses/404/content")
                        .path(Problem.MEDIA_TYPE)
                        .at("/schema/$ref")
                        .asText());
        assertTrue(
                DOCUMENT_BUILDER.matcher(Files.readString(CLASS_LOG)).find(),
                "the document was built when it was asked for");

        assertEquals(first.body(), get("/q/openapi?format=json").body(), "built once, served the same");
        HttpResponse<String> yaml = get("/q/openapi");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().contains("title: Milepost API"), yaml.body().substring(0, 200));
    }
}
