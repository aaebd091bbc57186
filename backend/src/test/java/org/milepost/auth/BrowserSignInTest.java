package org.milepost.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.uniqueSlug;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milepost.testing.BrowserSession;
import org.milepost.testing.TestIdentityProvider;

/** The backend-for-frontend sign-in: code flow with PKCE, the session cookie, CSRF, sign-out (ADR 0006). */
@QuarkusTest
class BrowserSignInTest {

    private static Map<String, Object> group(String slug) {
        return Map.of(
                "slug",
                slug,
                "name",
                "Group " + slug,
                "visibility",
                "PUBLIC",
                "planStart",
                "2024-05",
                "planEnd",
                "2024-06");
    }

    @Test
    void shouldStartSignInAtTheProviderWithPkceS256StateAndNonce() {
        Response response = given().redirects()
                .follow(false)
                .queryParam("returnTo", "/groups/x")
                .get("/auth/login");

        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.startsWith(TestIdentityProvider.issuer() + "/protocol/openid-connect/auth?"), location);
        assertTrue(location.contains("code_challenge_method=S256"), location);
        assertTrue(location.matches(".*[?&]code_challenge=[A-Za-z0-9_-]{43}(&.*|$)"), location);
        assertTrue(location.matches(".*[?&]state=[^&]+.*"), location);
        assertTrue(location.matches(".*[?&]nonce=[^&]+.*"), location);
        assertTrue(location.contains("response_type=code"), location);
        assertTrue(location.matches(".*redirect_uri=http%3A%2F%2Flocalhost%3A\\d+%2Fauth%2Flogin(&.*|$)"), location);
        Cookie state = response.getDetailedCookies().asList().stream()
                .filter(c -> c.getName().startsWith("q_auth"))
                .findFirst()
                .orElseThrow();
        assertTrue(state.isHttpOnly(), "the state cookie is HttpOnly");
    }

    @Test
    void shouldSignInAndComeBackToTheRequestedPathWithAnHttpOnlySessionCookie() {
        BrowserSession browser = BrowserSession.signIn("carla", "user", 300, "/groups/x?tab=board");

        Response back = browser.lastResponse();
        assertEquals(303, back.statusCode());
        URI location = URI.create(back.header("Location"));
        assertEquals("/groups/x", location.getPath());
        assertEquals("tab=board", location.getQuery());
        assertTrue(location.getHost() == null || location.getHost().equals("localhost"), location.toString());

        assertTrue(browser.cookies().keySet().stream().anyMatch(n -> n.startsWith("q_session")), "a session cookie");
        browser.request()
                .get("/api/me")
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("authenticated", equalTo(true))
                .body("subject", equalTo("carla"))
                .body("name", equalTo("Carla"))
                .body("email", equalTo("carla@example.org"));
    }

    @Test
    void shouldSetTheSessionCookieHttpOnlyAndSameSiteLax() {
        BrowserSession browser = BrowserSession.signIn("dora");
        // The cookie attributes are on the response that completed the code flow; sign in again to see them raw.
        Response toProvider = given().redirects().follow(false).get("/auth/login");
        String signedIn = toProvider.header("Location") + "&login_as=dora";
        Response backToApp =
                given().redirects().follow(false).urlEncodingEnabled(false).get(signedIn);
        Response completed = given().redirects()
                .follow(false)
                .urlEncodingEnabled(false)
                .cookies(toProvider.getCookies())
                .get(backToApp.header("Location"));
        String setCookie = completed.getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith("q_session"))
                .findFirst()
                .orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("; httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(browser.cookies().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://evil.example/groups",
                "//evil.example",
                "/\\evil.example",
                "\\\\evil.example",
                "javascript:alert(1)",
                "http:/evil.example",
                "/%2F%2Fevil.example",
                "/%5Cevil.example",
                " /groups",
                "evil.example"
            })
    void shouldNeverSendTheBrowserToAnotherSite(String returnTo) {
        BrowserSession browser = BrowserSession.signIn("erin");

        Response response = browser.get(given().queryParam("returnTo", returnTo), "/auth/login");

        assertEquals(303, response.statusCode());
        URI location = URI.create(response.header("Location"));
        assertEquals("/", location.getPath(), returnTo + " -> " + location);
        assertTrue(location.getHost() == null || location.getHost().equals("localhost"), location.toString());
    }

    @Test
    void shouldRefuseAChangeMadeWithTheSessionCookieWithoutTheCsrfHeader() {
        BrowserSession admin = BrowserSession.signIn("csrf-admin", "admin,user");
        String slug = uniqueSlug("csrf");

        admin.request()
                .body(group(slug))
                .post("/api/groups")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/csrf"));
        asAdmin().get("/api/groups/" + slug).then().statusCode(404);

        admin.app().body(group(slug)).post("/api/groups").then().statusCode(201).body("slug", equalTo(slug));
    }

    @Test
    void shouldRefuseACrossOriginChangeEvenWithTheHeader() {
        BrowserSession admin = BrowserSession.signIn("cors-admin", "admin,user");
        String slug = uniqueSlug("cors");

        Response refused = admin.app()
                .header("Origin", "https://evil.example")
                .body(group(slug))
                .post("/api/groups");
        assertEquals(403, refused.statusCode());
        assertNull(refused.header("Access-Control-Allow-Origin"));
        asAdmin().get("/api/groups/" + slug).then().statusCode(404);

        admin.app()
                .header("Origin", "http://localhost:" + io.restassured.RestAssured.port)
                .body(group(slug))
                .post("/api/groups")
                .then()
                .statusCode(201);
    }

    @Test
    void shouldRefuseAPreflightFromAnotherOrigin() {
        Response preflight = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-requested-with,content-type")
                .options("/api/groups");
        assertEquals(403, preflight.statusCode());
        assertNull(preflight.header("Access-Control-Allow-Origin"));
    }

    @Test
    void shouldNotAskBearerCallsForTheCsrfHeader() {
        asAdmin().body(group(uniqueSlug("bearer"))).post("/api/groups").then().statusCode(201);
    }

    @Test
    void shouldAnswer401ProblemAndDropTheCookieWhenTheSessionHasEnded() throws InterruptedException {
        BrowserSession browser = BrowserSession.signIn("frank", "user", 2, "/");
        browser.request().get("/api/me").then().statusCode(200).body("authenticated", equalTo(true));

        Thread.sleep(3_500); // the ID token expires; the provider refuses to refresh it

        Response expired = browser.request().get("/api/me");
        assertEquals(401, expired.statusCode(), expired.asString());
        assertNull(expired.header("Location"), "an API call is never redirected");
        assertTrue(expired.contentType().startsWith("application/problem+json"), expired.contentType());
        assertNotNull(expired.header("WWW-Authenticate"));
        assertTrue(
                expired.getDetailedCookies().asList().stream()
                        .anyMatch(c -> c.getName().startsWith("q_session") && c.getMaxAge() == 0),
                "the session cookie is removed");

        browser.keep(expired);
        browser.request().get("/api/me").then().statusCode(200).body("authenticated", equalTo(false));
    }

    @Test
    void shouldSendTheBrowserToSignInAgainWhenTheSessionHasEndedOnTheLoginPath() throws InterruptedException {
        BrowserSession browser = BrowserSession.signIn("gina", "user", 2, "/");
        Thread.sleep(3_500);

        Response response = browser.get(given().queryParam("returnTo", "/groups"), "/auth/login");

        assertEquals(302, response.statusCode());
        assertThat(response.header("Location"), startsWith(TestIdentityProvider.issuer()));
    }

    @Test
    void shouldSignOutAtTheProviderToo() {
        BrowserSession browser = BrowserSession.signIn("hank");

        Response response = browser.get(given(), "/auth/logout");

        assertEquals(302, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.startsWith(TestIdentityProvider.issuer() + "/protocol/openid-connect/logout?"), location);
        assertTrue(location.contains("id_token_hint="), location);
        assertTrue(location.matches(".*post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A\\d+%2F(&.*|$)"), location);
        assertTrue(
                browser.cookies().keySet().stream().noneMatch(n -> n.startsWith("q_session")),
                "the session cookie is removed");
        browser.request().get("/api/me").then().statusCode(200).body("authenticated", equalTo(false));
    }

    @Test
    void shouldSendAnonymousSignOutHome() {
        given().redirects()
                .follow(false)
                .get("/auth/logout")
                .then()
                .statusCode(303)
                .header("Location", not(containsString("evil")))
                .header("Location", containsString("/"));
    }

    @Test
    void shouldSendSecurityHeaders() {
        given().get("/api/me")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"));
        given().get("/api/groups/no-such-group")
                .then()
                .statusCode(404)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void shouldLetSwaggerUiSendTheCsrfHeaderWithTheSessionCookie() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("X-Requested-With"));
    }

    private static void assertThat(String actual, org.hamcrest.Matcher<String> matcher) {
        org.hamcrest.MatcherAssert.assertThat(actual, matcher);
    }
}
