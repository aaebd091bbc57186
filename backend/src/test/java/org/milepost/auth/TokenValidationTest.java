package org.milepost.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.createGroup;
import static org.milepost.testing.Api.uniqueSlug;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.milepost.testing.TestIdentityProvider;
import org.milepost.testing.Tokens;

/**
 * Every bearer token that is not a valid access token of this provider for this API is refused with 401, a
 * {@code WWW-Authenticate} challenge and a problem detail, never a 5xx, whatever the endpoint. Each forged token
 * claims to be an admin, so a token that slipped through would create the group.
 */
@QuarkusTest
class TokenValidationTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String membersOnlyGroup;

    private static synchronized String membersOnlyGroup() {
        if (membersOnlyGroup == null) {
            membersOnlyGroup = createGroup("tokens", "MEMBERS", "2024-05", "2024-06");
        }
        return membersOnlyGroup;
    }

    private static Tokens admin() {
        return Tokens.admin("token-admin");
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Header and payload of {@code token}, signed with someone else's RSA key. */
    private static String signWith(KeyPair pair, String signingInput) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(pair.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return signingInput + "."
                    + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair attackerKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> jwk(KeyPair pair, String kid) {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        return Map.of(
                "kty",
                "RSA",
                "kid",
                kid,
                "use",
                "sig",
                "alg",
                "RS256",
                "n",
                B64.encodeToString(unsigned(pub.getModulus().toByteArray())),
                "e",
                B64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())));
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes.length > 1 && bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** Replaces the payload of a validly signed token, keeping its header and signature. */
    private static String withPayloadOf(String signed, String otherSigned) {
        String[] parts = signed.split("\\.");
        String[] other = otherSigned.split("\\.");
        return parts[0] + "." + other[1] + "." + parts[2];
    }

    static Stream<Arguments> invalidTokens() {
        KeyPair attacker = attackerKey();
        String publicKeyPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(Tokens.publicKey("key-1").getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        return Stream.<Map.Entry<String, Supplier<String>>>of(
                        Map.entry("malformed: one word", () -> "not-a-token"),
                        Map.entry("malformed: three empty parts", () -> ".."),
                        Map.entry("malformed: garbage in three parts", () -> "a.b.c"),
                        Map.entry(
                                "malformed: payload not JSON",
                                () -> Tokens.admin("x").signingInput().split("\\.")[0] + "."
                                        + B64.encodeToString("not json".getBytes(StandardCharsets.UTF_8)) + ".c2ln"),
                        Map.entry("malformed: 12 kB of junk", () -> "x".repeat(12_000)),
                        Map.entry("malformed: only dots", () -> "."),
                        Map.entry("malformed: four parts", () -> admin().sign() + ".x"),
                        Map.entry("malformed: JSON instead of a token", () -> "{\"alg\":\"none\"}"),
                        Map.entry("expired", () -> admin().claim("iat", now() - 600)
                                .claim("exp", now() - 300)
                                .sign()),
                        Map.entry("expired a second ago", () -> admin().claim("iat", now() - 301)
                                .claim("exp", now() - 1)
                                .sign()),
                        Map.entry("not yet valid (nbf in the future)", () -> admin().claim("nbf", now() + 300)
                                .sign()),
                        Map.entry("without expiry", () -> admin().claim("exp", null)
                                .sign()),
                        Map.entry("wrong issuer", () -> admin().claim("iss", "http://127.0.0.1:1/realms/milepost")
                                .sign()),
                        Map.entry("issuer of another realm", () -> admin().claim(
                                        "iss", TestIdentityProvider.issuer().replace("/milepost", "/other"))
                                .sign()),
                        Map.entry("no issuer", () -> admin().claim("iss", null).sign()),
                        Map.entry("wrong audience", () -> admin().claim("aud", "another-api")
                                .sign()),
                        Map.entry("wrong audiences", () -> admin().claim("aud", List.of("account", "another-api"))
                                .sign()),
                        Map.entry(
                                "no audience", () -> admin().claim("aud", null).sign()),
                        Map.entry(
                                "alg none", () -> admin().header("alg", "none").unsigned("")),
                        Map.entry(
                                "alg None", () -> admin().header("alg", "None").unsigned("")),
                        Map.entry(
                                "alg NONE", () -> admin().header("alg", "NONE").unsigned("")),
                        Map.entry(
                                "alg nOnE", () -> admin().header("alg", "nOnE").unsigned("")),
                        Map.entry("alg none with a signature", () -> {
                            String valid = admin().sign();
                            return admin().header("alg", "none").unsigned(valid.substring(valid.lastIndexOf('.') + 1));
                        }),
                        Map.entry(
                                "HS256 with the public key (DER) as secret",
                                () -> hs256(
                                        Tokens.publicKey("key-1").getEncoded(),
                                        admin().header("alg", "HS256")
                                                .header("kid", "key-1")
                                                .signingInput())),
                        Map.entry(
                                "HS256 with the public key (PEM) as secret",
                                () -> hs256(
                                        publicKeyPem.getBytes(StandardCharsets.US_ASCII),
                                        admin().header("alg", "HS256")
                                                .header("kid", "key-1")
                                                .signingInput())),
                        Map.entry(
                                "HS256 without kid",
                                () -> hs256(
                                        Tokens.publicKey("key-1").getEncoded(),
                                        admin().header("alg", "HS256")
                                                .header("kid", "")
                                                .signingInput())),
                        Map.entry(
                                "tampered payload (user promoted to admin)",
                                () -> withPayloadOf(Tokens.user("token-user").sign(), admin().sign())),
                        Map.entry("tampered payload (one character)", () -> {
                            String valid = admin().sign();
                            String[] parts = valid.split("\\.");
                            char last = parts[1].charAt(parts[1].length() - 1);
                            return parts[0] + "." + parts[1].substring(0, parts[1].length() - 1)
                                    + (last == 'A' ? 'B' : 'A') + "." + parts[2];
                        }),
                        Map.entry(
                                "unknown key id",
                                () -> signWith(
                                        attacker,
                                        admin().header("kid", "no-such-key").signingInput())),
                        Map.entry("known key id, other key", () -> signWith(attacker, admin().signingInput())),
                        Map.entry("null signature", () -> admin().unsigned("")),
                        Map.entry("no signature part", () -> admin().signingInput()),
                        Map.entry("signature of zeros", () -> admin().unsigned(B64.encodeToString(new byte[256]))),
                        Map.entry(
                                "inline jwk header with the attacker's key",
                                () -> signWith(
                                        attacker,
                                        admin().header("kid", "attacker")
                                                .header("jwk", jwk(attacker, "attacker"))
                                                .signingInput())),
                        Map.entry(
                                "jku header pointing elsewhere",
                                () -> signWith(
                                        attacker,
                                        admin().header("kid", "attacker")
                                                .header("jku", "http://127.0.0.1:1/attacker/jwks.json")
                                                .signingInput())),
                        Map.entry(
                                "x5u header pointing elsewhere",
                                () -> signWith(
                                        attacker,
                                        admin().header("kid", "attacker")
                                                .header("x5u", "http://127.0.0.1:1/attacker/cert.pem")
                                                .signingInput())),
                        Map.entry(
                                "kid path traversal",
                                () -> signWith(
                                        attacker,
                                        admin().header("kid", "../../../../dev/null")
                                                .signingInput())),
                        Map.entry("unknown critical header", () -> admin().header("crit", List.of("exp-ext"))
                                .header("exp-ext", true)
                                .sign()))
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static void assertUnauthorizedProblem(Response response, String what) {
        assertTrue(response.statusCode() < 500, what + ": never a 5xx, got " + response.statusCode());
        assertEquals(401, response.statusCode(), what + ": " + response.asString());
        String challenge = response.header("WWW-Authenticate");
        assertNotNull(challenge, what + ": WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer"), what + ": " + challenge);
        assertTrue(response.contentType().startsWith("application/problem+json"), what + ": " + response.contentType());
        assertEquals(401, response.jsonPath().getInt("status"), what);
        assertNull(response.header("Location"), what + ": never a redirect");
    }

    private static RequestSpecification bearer(String token) {
        return given().redirects()
                .follow(false)
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }

    private static Map<String, Object> group(String slug) {
        return Map.of("slug", slug, "name", "Forged " + slug, "planStart", "2024-05", "planEnd", "2024-06");
    }

    @Test
    void shouldAcceptTheValidTokenTheForgeriesAreMadeFrom() {
        String slug = uniqueSlug("genuine");
        bearer(admin().sign()).body(group(slug)).post("/api/groups").then().statusCode(201);
        bearer(admin().sign()).get("/api/groups/" + membersOnlyGroup()).then().statusCode(200);
    }

    @Test
    void shouldRefuseAWriteWithoutToken() {
        String slug = uniqueSlug("anonymous");
        Response response = given().redirects()
                .follow(false)
                .contentType(ContentType.JSON)
                .body(group(slug))
                .post("/api/groups");
        assertUnauthorizedProblem(response, "missing token");
        asAdmin().get("/api/groups/" + slug).then().statusCode(404);
    }

    @Test
    void shouldRefuseAnEmptyBearerOrAnotherScheme() {
        for (String header : List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=", "bearer")) {
            String slug = uniqueSlug("scheme");
            Response response = given().redirects()
                    .follow(false)
                    .contentType(ContentType.JSON)
                    .header("Authorization", header)
                    .body(group(slug))
                    .post("/api/groups");
            assertUnauthorizedProblem(response, "Authorization: " + header);
            asAdmin().get("/api/groups/" + slug).then().statusCode(404);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void shouldRefuseInvalidTokenOnAWrite(String what, Supplier<String> token) {
        String slug = uniqueSlug("forged");

        assertUnauthorizedProblem(bearer(token.get()).body(group(slug)).post("/api/groups"), what);

        asAdmin().get("/api/groups/" + slug).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void shouldRefuseInvalidTokenOnAMembersOnlyGroup(String what, Supplier<String> token) {
        assertUnauthorizedProblem(bearer(token.get()).get("/api/groups/" + membersOnlyGroup()), what);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void shouldRefuseInvalidTokenEvenOnAPublicRead(String what, Supplier<String> token) {
        assertUnauthorizedProblem(bearer(token.get()).get("/api/me"), what);
    }

    @Test
    void shouldRefuseAnOversizedTokenWithoutA5xx() {
        // The server answers 431 as soon as the headers pass its limit and closes the connection, so the
        // client may still be writing the rest of the header and see the close as a broken pipe or reset
        // before it reads the answer (a TCP race, not the app's behaviour). Try a few times; whenever an
        // answer arrives it must be the 431.
        String oversized = "x".repeat(40_000);
        List<String> lostToTheRace = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            Response response;
            try {
                response = bearer(oversized).get("/api/me");
            } catch (Exception e) { // REST Assured throws the SocketException itself, undeclared
                if (!(rootCause(e) instanceof SocketException)) {
                    throw e;
                }
                lostToTheRace.add(rootCause(e).toString());
                continue;
            }
            assertEquals(431, response.statusCode(), "request header fields too large");
            return;
        }
        fail("no answer to an oversized header in five attempts: " + lostToTheRace);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void shouldNotLetATokenPickItsOwnKeysFromTheProvider() {
        int before = TestIdentityProvider.jwksFetches();
        String forged = signWith(
                attackerKey(), admin().header("kid", "fresh-unknown-kid").signingInput());
        for (int i = 0; i < 5; i++) {
            assertUnauthorizedProblem(bearer(forged).get("/api/me"), "unknown kid, attempt " + i);
        }
        // An unknown kid may make the app re-read the provider's keys once, not on every request.
        assertTrue(
                TestIdentityProvider.jwksFetches() - before <= 1,
                "JWKS fetched " + (TestIdentityProvider.jwksFetches() - before) + " times");
        bearer(admin().sign()).get("/api/me").then().statusCode(200).body("authenticated", equalTo(true));
    }
}
