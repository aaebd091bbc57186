package org.milepost.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * A minimal OpenID provider for benchmarks, so the app runs with real bearer-token validation and no Keycloak: it
 * serves discovery and a JWKS on 127.0.0.1 and mints RS256 access tokens of the shape Keycloak issues (sub, name,
 * email, groups). The same idea as the backend's test provider ({@code org.milepost.testing.TestIdentityProvider}),
 * standalone. Run on its own with {@code java -cp bench/target/milepost-bench.jar org.milepost.bench.TokenIssuer}.
 */
public final class TokenIssuer implements AutoCloseable {

    public static final String AUDIENCE = "milepost-api";
    public static final String CLIENT_ID = "milepost-api";
    private static final String REALM = "/realms/milepost";
    private static final String KID = "bench-1";

    private final HttpServer server;
    private final KeyPair keys;
    private final String issuer;
    private final String jwks;

    public TokenIssuer(int port) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "token-issuer");
            t.setDaemon(true);
            return t;
        }));
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM;
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        jwks =
                "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}]}"
                        .formatted(
                                KID,
                                b64.encodeToString(unsigned(pub.getModulus().toByteArray())),
                                b64.encodeToString(
                                        unsigned(pub.getPublicExponent().toByteArray())));
        server.createContext(
                REALM + "/.well-known/openid-configuration",
                ex -> send(
                        ex,
                        """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
                 "id_token_signing_alg_values_supported":["RS256"]}"""
                                .formatted(issuer)));
        server.createContext(REALM + "/protocol/openid-connect/certs", ex -> send(ex, jwks));
        server.start();
    }

    /** The value for {@code QUARKUS_OIDC_AUTH_SERVER_URL}. */
    public String issuer() {
        return issuer;
    }

    /** Environment for the app: where to find the keys, which audience to require. */
    public Map<String, String> appEnvironment() {
        return Map.of(
                "QUARKUS_OIDC_AUTH_SERVER_URL", issuer,
                "QUARKUS_OIDC_CLIENT_ID", CLIENT_ID,
                "QUARKUS_OIDC_TOKEN_AUDIENCE", AUDIENCE);
    }

    /** An administrator (may create groups). */
    public String admin(String subject) {
        return mint(subject, List.of("admin", "user"), Duration.ofHours(24));
    }

    /** A signed-in person; what they may do in a group comes from their membership. */
    public String user(String subject) {
        return mint(subject, List.of("user"), Duration.ofHours(24));
    }

    public String mint(String subject, List<String> roles, Duration ttl) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        header.put("kid", KID);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", AUDIENCE);
        claims.put("azp", CLIENT_ID);
        claims.put("sub", subject);
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("preferred_username", subject);
        claims.put("name", subject);
        claims.put("email", subject + "@bench.example.org");
        claims.put("groups", roles);
        try {
            ObjectMapper json = new ObjectMapper();
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(json.writeValueAsBytes(header)) + "."
                    + b64.encodeToString(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Standalone: {@code TokenIssuer [port] [subject...]} serves until killed and prints the app's environment and
     * a 24-hour admin token per subject, for trying the app by hand.
     */
    public static void main(String[] args) throws Exception {
        TokenIssuer issuer = new TokenIssuer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        issuer.appEnvironment().forEach((k, v) -> System.out.println("export " + k + "=" + v));
        for (int i = 1; i < Math.max(args.length, 2); i++) {
            String subject = i < args.length ? args[i] : "bench-admin";
            System.out.println("# admin token for " + subject + ":");
            System.out.println(issuer.admin(subject));
        }
        System.out.flush();
        Thread.currentThread().join();
    }
}
