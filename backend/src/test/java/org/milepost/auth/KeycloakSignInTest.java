package org.milepost.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Against a real Keycloak 26 with the realm from {@code keycloak/realm-milepost.json}: a person signs in through the
 * browser flow over plain HTTP (the app's redirect, Keycloak's login form, back to the app with the code), then uses
 * the API with the session cookie; a script uses it with a client-credentials token. Skipped unless Keycloak runs
 * (see {@link KeycloakAvailable}); {@code scripts/test-keycloak.sh} starts it and runs this class.
 */
@QuarkusTest
@TestProfile(KeycloakTestProfile.class)
@ExtendWith(KeycloakAvailable.class)
class KeycloakSignInTest {

    static final String DEMO_GROUP = "cardano-core-infra-roadmap";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    /** A browser: keeps the app's and Keycloak's cookies apart, follows redirects by hand. */
    static final class Browser {
        final Map<String, String> appCookies = new LinkedHashMap<>();
        final Map<String, String> keycloakCookies = new LinkedHashMap<>();

        Response get(String url) {
            boolean app = !url.startsWith("http") || url.startsWith("http://localhost:" + KeycloakTestProfile.APP_PORT);
            Map<String, String> jar = app ? appCookies : keycloakCookies;
            Response response = given().redirects()
                    .follow(false)
                    .urlEncodingEnabled(false)
                    .cookies(jar)
                    .get(url);
            keep(jar, response);
            return response;
        }

        Response postForm(String url, Map<String, String> fields) {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(encode(k))
                    .append('=')
                    .append(encode(v)));
            Response response = given().redirects()
                    .follow(false)
                    .urlEncodingEnabled(false)
                    .cookies(keycloakCookies)
                    .contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8))
                    .body(body.toString())
                    .post(url);
            keep(keycloakCookies, response);
            return response;
        }

        /** The app's API with the session cookie, as the web app calls it. */
        RequestSpecification api() {
            return given().redirects()
                    .follow(false)
                    .cookies(appCookies)
                    .contentType(ContentType.JSON)
                    .accept(ContentType.JSON)
                    .header("X-Requested-With", "XMLHttpRequest");
        }

        private static void keep(Map<String, String> jar, Response response) {
            response.getDetailedCookies().forEach(c -> {
                if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                    jar.remove(c.getName());
                } else {
                    jar.put(c.getName(), c.getValue());
                }
            });
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String loginFormAction(Response page) {
        Matcher matcher = LOGIN_FORM.matcher(page.asString());
        assertTrue(matcher.find(), "Keycloak's login form: " + page.asString());
        return matcher.group(1).replace("&amp;", "&");
    }

    /** The whole browser sign-in, over HTTP, as {@code username}; ends on the page returnTo names. */
    static Browser signIn(String username, String password, String returnTo) {
        Browser browser = new Browser();
        Response toKeycloak = browser.get("/auth/login?returnTo=" + encode(returnTo));
        assertEquals(302, toKeycloak.statusCode(), toKeycloak.asString());
        String authorize = toKeycloak.header("Location");
        assertTrue(authorize.startsWith(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/auth?"), authorize);
        assertTrue(authorize.contains("code_challenge_method=S256"), authorize);

        Response loginPage = browser.get(authorize);
        assertEquals(200, loginPage.statusCode(), loginPage.asString());

        Response backToApp = browser.postForm(
                loginFormAction(loginPage), Map.of("username", username, "password", password, "credentialId", ""));
        assertEquals(302, backToApp.statusCode(), backToApp.asString());
        String callback = backToApp.header("Location");
        assertTrue(callback.startsWith("http://localhost:" + KeycloakTestProfile.APP_PORT + "/auth/login?"), callback);

        Response completed = browser.get(callback);
        assertEquals(302, completed.statusCode(), completed.asString());
        assertTrue(browser.appCookies.keySet().stream().anyMatch(n -> n.startsWith("q_session")), "session cookie");

        Response home = browser.get(completed.header("Location"));
        assertEquals(303, home.statusCode());
        assertTrue(home.header("Location").endsWith(returnTo), home.header("Location"));
        return browser;
    }

    static String clientCredentialsToken() {
        return given().auth()
                .preemptive()
                .basic("milepost-cli", KeycloakTestProfile.CLI_CLIENT_SECRET)
                .formParam("grant_type", "client_credentials")
                .post(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The demo group whose chairs and members Keycloak names through its provider groups. */
    static void ensureDemoGroup(Browser admin) {
        if (admin.api().get("/api/groups/" + DEMO_GROUP).statusCode() == 404) {
            admin.api()
                    .body(Map.of(
                            "slug",
                            DEMO_GROUP,
                            "name",
                            "Cardano Roadmap Working Group",
                            "mission",
                            "Foster a community roadmap",
                            "visibility",
                            "PUBLIC",
                            "planStart",
                            "2024-05",
                            "planEnd",
                            "2024-10"))
                    .post("/api/groups")
                    .then()
                    .statusCode(201);
        }
    }

    @Test
    void shouldSignInAnAdminThroughTheBrowserFlowAndUseTheApiWithTheSession() {
        Browser admin = signIn("admin", "admin", "/groups");

        admin.api()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true))
                .body("name", equalTo("Ada Admin"))
                .body("email", equalTo("admin@milepost.example"))
                .body("roles", hasItem("admin"));
        ensureDemoGroup(admin);
        admin.api().get("/api/groups/" + DEMO_GROUP).then().statusCode(200).body("canManage", equalTo(true));
    }

    @Test
    void shouldMapTheChairsProviderGroupToTheChairRole() {
        ensureDemoGroup(signIn("admin", "admin", "/"));
        Browser chair = signIn("chair", "chair", "/groups/" + DEMO_GROUP);

        chair.api()
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("email", equalTo("chair@milepost.example"))
                .body("roles", not(hasItem("admin")))
                .body("memberships.slug", contains(DEMO_GROUP))
                .body("memberships[0].role", equalTo("CHAIR"));
        Response group = chair.api().get("/api/groups/" + DEMO_GROUP);
        group.then().statusCode(200).body("canManage", equalTo(true));

        Map<String, Object> settings = new HashMap<>();
        settings.put("name", group.path("name"));
        settings.put("mission", "Foster a community roadmap, signed in through Keycloak");
        settings.put("visibility", group.path("visibility"));
        settings.put("planStart", group.path("planStart"));
        settings.put("planEnd", group.path("planEnd"));
        settings.put("version", group.path("version"));
        chair.api().body(settings).put("/api/groups/" + DEMO_GROUP).then().statusCode(200);
    }

    @Test
    void shouldLetAnOutsiderReadButNotChange() {
        ensureDemoGroup(signIn("admin", "admin", "/"));
        Browser outsider = signIn("outsider", "outsider", "/");

        outsider.api().get("/api/me").then().statusCode(200).body("memberships", empty());
        outsider.api()
                .body(Map.of("slug", "outsider-group", "name", "Nope", "planStart", "2024-05", "planEnd", "2024-06"))
                .post("/api/groups")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldCallTheApiWithAClientCredentialsToken() {
        ensureDemoGroup(signIn("admin", "admin", "/"));
        String token = clientCredentialsToken();

        given().auth()
                .oauth2(token)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("authenticated", equalTo(true))
                .body("memberships.slug", contains(DEMO_GROUP))
                .body("memberships[0].role", equalTo("MEMBER"));
        given().auth().oauth2(token).get("/api/groups").then().statusCode(200);

        // As the scripting guide does: create two cards and move one after the other.
        RequestSpecification script = given().auth().oauth2(token).contentType(ContentType.JSON);
        Response card = script.body(Map.of("title", "Draft the vocabulary", "month", "2024-05"))
                .post("/api/groups/" + DEMO_GROUP + "/cards");
        card.then().statusCode(201);
        int other = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Publish the glossary", "month", "2024-06"))
                .post("/api/groups/" + DEMO_GROUP + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("month", "2024-06", "afterCardId", other, "version", card.path("version")))
                .post("/api/groups/" + DEMO_GROUP + "/cards/" + card.path("id") + "/move")
                .then()
                .statusCode(200)
                .body("month", equalTo("2024-06"));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "script-group", "name", "Nope", "planStart", "2024-05", "planEnd", "2024-06"))
                .post("/api/groups")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldRefuseATokenTamperedAfterKeycloakSignedIt() {
        String[] parts = clientCredentialsToken().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user\"", "\"admin\"");
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        given().auth().oauth2(forged).get("/api/me").then().statusCode(401);
    }

    @Test
    void shouldSignOutAtKeycloakToo() {
        Browser browser = signIn("member", "member", "/");

        Response logout = browser.get("/auth/logout");
        assertEquals(302, logout.statusCode());
        String endSession = logout.header("Location");
        assertTrue(
                endSession.startsWith(KeycloakTestProfile.realmUrl() + "/protocol/openid-connect/logout?"), endSession);
        Response back = browser.get(endSession);
        assertEquals(302, back.statusCode(), back.asString());
        assertTrue(
                back.header("Location").startsWith("http://localhost:" + KeycloakTestProfile.APP_PORT + "/"),
                back.header("Location"));

        browser.api().get("/api/me").then().statusCode(200).body("authenticated", equalTo(false));
        // Keycloak's own session is over too: signing in again shows its login form.
        Response again = browser.get(browser.get("/auth/login").header("Location"));
        assertEquals(200, again.statusCode());
        assertTrue(LOGIN_FORM.matcher(again.asString()).find(), "the login form again");
    }
}
