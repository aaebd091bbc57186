package org.milepost.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milepost.testing.PackagedApp;
import org.milepost.testing.SseClient;
import org.milepost.testing.SseClient.Event;
import org.milepost.testing.TestIdentityProvider;
import org.milepost.testing.Tokens;

/**
 * Live updates across two real instances (ADR 0011): two production builds of the app ({@code quarkus-run.jar}, prod
 * profile) on one PostgreSQL, as behind a load balancer. A change made on one instance reaches a viewer of the other
 * within a second, both ways. Run after packaging:
 * {@code ./mvnw -pl backend verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TwoInstancesIT {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private static TestIdentityProvider identityProvider;
    private static EmbeddedPostgres postgres;
    private static final List<PackagedApp> instances = new ArrayList<>();
    private static String a;
    private static String b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        assumeTrue(Boolean.getBoolean("milepost.it"), "an integration test: run by failsafe (./mvnw verify)");
        identityProvider = new TestIdentityProvider();
        Map<String, String> oidc = identityProvider.start();
        postgres = EmbeddedPostgres.builder().start();
        for (String name : List.of("a", "b")) { // one after the other: the first one migrates the schema
            instances.add(
                    PackagedApp.start("two-instances-" + name, postgres, oidc, List.of("-Xmx256m"), READY_WITHIN));
        }
        a = instances.get(0).base();
        b = instances.get(1).base();
    }

    @AfterAll
    static void stopThem() throws Exception {
        for (PackagedApp instance : instances) {
            instance.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (identityProvider != null) {
            identityProvider.stop();
        }
    }

    private static HttpResponse<String> send(String method, String url, String bearer, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        return response;
    }

    private static long id(HttpResponse<String> response) {
        String body = response.body();
        int at = body.indexOf("\"id\":") + 5;
        int end = at;
        while (Character.isDigit(body.charAt(end))) {
            end++;
        }
        return Long.parseLong(body.substring(at, end));
    }

    @Test
    void shouldShowAChangeOnOneInstanceToViewersOfTheOtherWithinASecond() throws Exception {
        String admin = Tokens.adminBearer();
        String slug = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
        expect(
                201,
                send(
                        "POST",
                        a + "/api/groups",
                        admin,
                        """
                {"slug": "%s", "name": "Two instances", "planStart": "2024-05", "planEnd": "2024-10"}"""
                                .formatted(slug)));

        try (SseClient onB = SseClient.open(b + "/api/groups/" + slug + "/events", null);
                SseClient onA = SseClient.open(a + "/api/groups/" + slug + "/events", null)) {
            onB.awaitType("ready", Duration.ofSeconds(10));
            onA.awaitType("ready", Duration.ofSeconds(10));

            long card = id(expect(
                    201,
                    send(
                            "POST",
                            a + "/api/groups/" + slug + "/cards",
                            admin,
                            "{\"title\": \"Made on A\", \"month\": \"2024-05\"}")));
            assertEquals(
                    card,
                    onB.awaitType("card.created", SECOND).data().path("cardId").asLong());

            expect(
                    200,
                    send(
                            "POST",
                            a + "/api/groups/" + slug + "/cards/" + card + "/move",
                            admin,
                            "{\"month\": \"2024-06\", \"version\": 0}"));
            long answered = System.nanoTime();
            Event moved = onB.awaitType("card.moved", SECOND);
            assertTrue(moved.arrivedNanos() - answered < SECOND.toNanos(), "B heard A's move within a second");
            assertEquals(card, moved.data().path("cardId").asLong());
            assertEquals("2024-06", moved.data().path("month").asText());
            assertEquals(1, moved.data().path("version").asInt());
            assertEquals("moved from May to June", moved.data().path("summary").asText());

            // And the other way round: a change on B reaches A's viewers.
            expect(
                    200,
                    send(
                            "PUT",
                            b + "/api/groups/" + slug + "/cards/" + card,
                            admin,
                            "{\"title\": \"Made on A\", \"status\": \"DONE\", \"version\": 1}"));
            Event edited = onA.awaitType("card.updated", SECOND);
            assertEquals("status PLANNED -> DONE", edited.data().path("summary").asText());
        }
    }
}
