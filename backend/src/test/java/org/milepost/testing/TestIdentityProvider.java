package org.milepost.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

/**
 * An OpenID provider for tests, in-process: discovery and a JWKS endpoint on 127.0.0.1 serving RSA keys that
 * {@link Tokens} signs with. Its state lives in system properties, shared by the test and the app's class loaders.
 * Tests may add keys (rotation) and count key fetches.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/milepost";
    static final String ISSUER = "milepost.test.idp.issuer";
    static final String PRIVATE_KEYS = "milepost.test.idp.private-keys"; // kid|base64(pkcs8)|base64(x509);…
    static final String JWKS = "milepost.test.idp.jwks";
    static final String JWKS_FETCHES = "milepost.test.idp.jwks-fetches";
    static final String DOWN = "milepost.test.idp.down";

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
        server.createContext(REALM_PATH + "/.well-known/openid-configuration", exchange -> {
            String body = """
                    {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                     "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                     "token_endpoint":"%1$s/protocol/openid-connect/token",
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
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
        server.start();
        return Map.of(
                "quarkus.oidc.auth-server-url", issuer,
                "quarkus.oidc.client-id", "milepost-api");
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
        String jwk = "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"%s\",\"n\":\"%s\",\"e\":\"%s\"}".formatted(
                kid, b64.encodeToString(unsigned(pub.getModulus().toByteArray())),
                b64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
        String jwks = System.getProperty(JWKS, "");
        System.setProperty(JWKS, jwks.isEmpty() ? jwk : jwks + "," + jwk);
        String keys = System.getProperty(PRIVATE_KEYS, "");
        String entry = kid + "|" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "|" + Base64.getEncoder().encodeToString(pub.getEncoded());
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

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
