package org.milepost.reliability;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.milepost.testing.Api.as;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.milepost.testing.Tokens;

/**
 * Forged tokens beyond the sign-in issue's list (auth/TokenValidationTest): an ES256 signature of zeros, HS256 with
 * guessed secrets, and key URLs in the header that must never be fetched. Each gets 401 with WWW-Authenticate.
 */
@QuarkusTest
class ForgedTokenTest {

    private static void assertRefused(String token) {
        as(token)
                .get("/api/groups")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Test
    void shouldRefuseEs256SignatureOfZeros() {
        assertRefused(Tokens.admin("forger").header("alg", "ES256").unsigned(b64(new byte[64])));
        assertRefused(Tokens.admin("forger")
                .header("alg", "ES256")
                .header("kid", "key-1")
                .unsigned(b64(new byte[64])));
    }

    @Test
    void shouldRefuseHs256WithGuessedSecrets() throws Exception {
        for (String secret : List.of("secret", "milepost", "milepost-api", "changeit", "password", "")) {
            Tokens forged = Tokens.admin("forger").header("alg", "HS256");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    secret.isEmpty() ? new byte[1] : secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String input = forged.signingInput();
            assertRefused(input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    @Test
    void shouldNeverFetchKeysFromUrlsInTheTokenHeader() throws Exception {
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger hits = new AtomicInteger();
        attacker.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        attacker.start();
        try {
            String base = "http://127.0.0.1:" + attacker.getAddress().getPort();
            for (int i = 0; i < 5; i++) {
                assertRefused(Tokens.admin("forger")
                        .header("kid", "attacker-" + i)
                        .header("jku", base + "/jwks.json")
                        .unsigned(b64(new byte[256])));
                assertRefused(Tokens.admin("forger")
                        .header("kid", "attacker-" + i)
                        .header("x5u", base + "/cert.pem")
                        .unsigned(b64(new byte[256])));
            }
            assertEquals(0, hits.get(), "the app fetched a key from a URL an attacker put in the token");
        } finally {
            attacker.stop(0);
        }
    }
}
