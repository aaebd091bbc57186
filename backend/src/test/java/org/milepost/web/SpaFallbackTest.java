package org.milepost.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SpaFallbackTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void shouldServeTheAppForItsOwnAddresses() {
        given().accept(BROWSER_ACCEPT)
                .when()
                .get("/groups/core-infra-roadmap/board")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<div id=\"root\">"));
    }

    @Test
    void shouldLeaveTheApiItsProblemDetails() {
        given().accept(BROWSER_ACCEPT)
                .when()
                .get("/api/groups/no-such-group")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotAnswerMissingFilesWithThePage() {
        given().accept(BROWSER_ACCEPT)
                .when()
                .get("/assets/missing-file.js")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldNotAnswerNonBrowserRequestsWithThePage() {
        given().accept("application/json")
                .when()
                .get("/groups/core-infra-roadmap/board")
                .then()
                .statusCode(404);
    }

    @Test
    void shouldTellAppPagesFromServerPaths() {
        assertTrue(SpaFallback.isAppPage("/groups/x/meetings", "text/html"));
        assertFalse(SpaFallback.isAppPage("/", "text/html"));
        assertFalse(SpaFallback.isAppPage("/api/groups", "text/html"));
        assertFalse(SpaFallback.isAppPage("/auth/login", "text/html"));
        assertFalse(SpaFallback.isAppPage("/q/health", "text/html"));
        assertFalse(SpaFallback.isAppPage("/apiary", "application/json"));
        assertTrue(SpaFallback.isAppPage("/apiary", "text/html"));
        assertFalse(SpaFallback.isAppPage("/favicon.svg", "text/html"));
    }
}
