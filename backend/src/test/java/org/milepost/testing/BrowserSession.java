package org.milepost.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A browser, as far as the tests need one: it follows the sign-in redirects between the app and
 * {@link TestIdentityProvider} by hand and keeps the cookies, so tests can call the API with the session cookie.
 */
public final class BrowserSession {

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private Response last;

    private BrowserSession() {}

    /** Signs {@code subject} in with the {@code user} role. */
    public static BrowserSession signIn(String subject) {
        return signIn(subject, "user");
    }

    /** Signs {@code subject} in; {@code groups} is the comma-separated {@code groups} claim (roles, provider groups). */
    public static BrowserSession signIn(String subject, String groups) {
        return signIn(subject, groups, 300, "/");
    }

    /** Signs in and keeps the last response: the app's redirect to {@code returnTo}. */
    public static BrowserSession signIn(String subject, String groups, long idTokenTtlSeconds, String returnTo) {
        BrowserSession browser = new BrowserSession();
        Response toProvider = browser.get(given().queryParam("returnTo", returnTo), "/auth/login");
        expectRedirect(toProvider);
        String signedIn = toProvider.header("Location") + "&login_as=" + encode(subject) + "&groups=" + encode(groups)
                + "&id_token_ttl=" + idTokenTtlSeconds;
        Response backToApp =
                given().redirects().follow(false).urlEncodingEnabled(false).get(signedIn);
        expectRedirect(backToApp);
        Response completed = browser.get(given().urlEncodingEnabled(false), backToApp.header("Location"));
        expectRedirect(completed);
        browser.last = browser.get(given().urlEncodingEnabled(false), completed.header("Location"));
        return browser;
    }

    /** A request carrying this browser's cookies, as a page's plain fetch would send it. */
    public RequestSpecification request() {
        return given().redirects()
                .follow(false)
                .cookies(cookies)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A request the web app sends for a change: cookies and the {@code X-Requested-With} header. */
    public RequestSpecification app() {
        return request().header("X-Requested-With", "XMLHttpRequest");
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** The last response of {@link #signIn}: the app sending the browser to the return path. */
    public Response lastResponse() {
        return last;
    }

    /** Sends {@code spec} with the cookies, without following redirects, and keeps the cookies it sets. */
    public Response get(RequestSpecification spec, String url) {
        Response response = spec.redirects().follow(false).cookies(cookies).get(url);
        keep(response);
        return response;
    }

    public void keep(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0
                    || cookie.getValue() == null
                    || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
    }

    private static void expectRedirect(Response response) {
        if (response.statusCode() / 100 != 3 || response.header("Location") == null) {
            throw new AssertionError(
                    "Expected a redirect during sign-in but got " + response.statusCode() + ": " + response.asString());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
