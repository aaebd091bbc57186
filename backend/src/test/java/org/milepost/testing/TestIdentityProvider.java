package org.milepost.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider for tests, in-process: discovery and a JWKS endpoint on 127.0.0.1 serving RSA keys that
 * {@link Tokens} signs with. Its state lives in system properties, shared by the test and the app's class loaders.
 * Tests may add keys (rotation) and count key fetches.
 *
 * <p>It also plays the browser sign-in (authorization code flow with PKCE S256 required, like the Keycloak realm):
 * the authorization endpoint signs in whoever the test names with {@code login_as} (and {@code groups},
 * {@code id_token_ttl}) without a form, the token endpoint checks the client secret, redirect URI and PKCE verifier,
 * and refuses every refresh (the provider's session is over). See {@link BrowserSession}.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/milepost";
    static final String ISSUER = "milepost.test.idp.issuer";
    static final String PRIVATE_KEYS = "milepost.test.idp.private-keys"; // kid|base64(pkcs8)|base64(x509);…
    static final String JWKS = "milepost.test.idp.jwks";
    static final String JWKS_FETCHES = "milepost.test.idp.jwks-fetches";
    static final String DOWN = "milepost.test.idp.down";
    static final String CLIENT_SECRET = "milepost.test.idp.client-secret";
    static final String CLIENT_ID = "milepost-api";

    /** Authorization codes handed out and not yet redeemed. */
    private static final Map<String, Map<String, String>> CODES = new ConcurrentHashMap<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        System.setProperty(ISSUER, issuer);
        System.setProperty(JWKS_FETCHES, "0");
        System.setProperty(PRIVATE_KEYS, "");
        System.setProperty(JWKS, "");
        addKey("key-1");
        System.setProperty(CLIENT_SECRET, "test-client-secret-" + UUID.randomUUID());
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> {
            String body =
                    """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                     "token_endpoint":"%1$s/protocol/openid-connect/token",
                     "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                     "code_challenge_methods_supported":["S256"],
                     "id_token_signing_alg_values_supported":["RS256"]}"""
                            .formatted(issuer);
            send(exchange, body);
        });
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
            if (Boolean.getBoolean(DOWN)) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            synchronized (System.getProperties()) { // shared by the test's and the app's class loaders
                System.setProperty(JWKS_FETCHES, String.valueOf(jwksFetches() + 1));
            }
            send(exchange, "{\"keys\":[" + System.getProperty(JWKS) + "]}");
        });
        server.createContext(REALM_PATH + "/protocol/openid-connect/auth", TestIdentityProvider::authorize);
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", TestIdentityProvider::token);
        server.createContext(REALM_PATH + "/protocol/openid-connect/logout", TestIdentityProvider::logout);
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", CLIENT_ID,
                "quarkus.oidc.credentials.secret", System.getProperty(CLIENT_SECRET));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Publishes a new RSA key under {@code kid}; tokens signed with it verify after the app fetches the keys. */
    public static synchronized void addKey(String kid) {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwk = "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}"
                .formatted(
                        kid,
                        b64.encodeToString(unsigned(pub.getModulus().toByteArray())),
                        b64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
        String jwks = System.getProperty(JWKS, "");
        System.setProperty(JWKS, jwks.isEmpty() ? jwk : jwks + "," + jwk);
        String keys = System.getProperty(PRIVATE_KEYS, "");
        String entry =
                kid + "|" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "|"
                        + Base64.getEncoder().encodeToString(pub.getEncoded());
        System.setProperty(PRIVATE_KEYS, keys.isEmpty() ? entry : keys + ";" + entry);
    }

    /** While down, the key endpoint answers 503, as a provider in trouble would. */
    public static void setDown(boolean down) {
        System.setProperty(DOWN, String.valueOf(down));
    }

    public static int jwksFetches() {
        return Integer.parseInt(System.getProperty(JWKS_FETCHES, "0"));
    }

    public static String issuer() {
        return System.getProperty(ISSUER);
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    /** Signs in {@code login_as} at once and redirects back with a code, if the request is a valid PKCE S256 one. */
    private static void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String redirectUri = query.get("redirect_uri");
        if (!"code".equals(query.get("response_type"))
                || !CLIENT_ID.equals(query.get("client_id"))
                || redirectUri == null
                || query.get("state") == null
                || query.get("code_challenge") == null
                || !"S256".equals(query.get("code_challenge_method"))) {
            send(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"PKCE S256 is required\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        Map<String, String> grant = new HashMap<>(query);
        grant.putIfAbsent("login_as", "alice");
        CODES.put(code, grant);
        redirect(
                exchange,
                redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + code + "&state="
                        + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
    }

    private static void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, body)) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"authorization_code".equals(body.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}");
            return;
        }
        Map<String, String> grant = CODES.remove(String.valueOf(body.get("code")));
        if (grant == null
                || !grant.get("redirect_uri").equals(body.get("redirect_uri"))
                || body.get("code_verifier") == null
                || !grant.get("code_challenge").equals(s256(body.get("code_verifier")))) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        long now = java.time.Instant.now().getEpochSecond();
        long ttl = Long.parseLong(grant.getOrDefault("id_token_ttl", "300"));
        List<String> groups = List.of(grant.getOrDefault("groups", "user").split(","));
        String subject = grant.get("login_as");
        String idToken = Tokens.user(subject)
                .claim("aud", CLIENT_ID)
                .claim("azp", CLIENT_ID)
                .claim("typ", "ID")
                .claim("nonce", grant.get("nonce"))
                .claim("groups", groups)
                .claim("exp", now + ttl)
                .sign();
        String accessToken = Tokens.user(subject)
                .claim("azp", CLIENT_ID)
                .claim("groups", groups)
                .claim("exp", now + ttl)
                .sign();
        send(
                exchange,
                200,
                """
                {"access_token":"%s","id_token":"%s","refresh_token":"%s","token_type":"Bearer","expires_in":%d}"""
                        .formatted(accessToken, idToken, "opaque-refresh-" + UUID.randomUUID(), ttl));
    }

    /** RP-initiated logout: back to the post-logout redirect URI with the state. */
    private static void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            send(exchange, 200, "{}");
            return;
        }
        String state = query.get("state");
        redirect(
                exchange,
                state == null
                        ? back
                        : back + (back.contains("?") ? "&" : "?") + "state="
                                + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> body) {
        String secret = System.getProperty(CLIENT_SECRET);
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair =
                    new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            return pair.length == 2
                    && CLIENT_ID.equals(URLDecoder.decode(pair[0], StandardCharsets.UTF_8))
                    && secret.equals(URLDecoder.decode(pair[1], StandardCharsets.UTF_8));
        }
        return CLIENT_ID.equals(body.get("client_id")) && secret.equals(body.get("client_secret"));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, body);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
