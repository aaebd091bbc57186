package org.milepost.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints access tokens signed by {@link TestIdentityProvider}: the same shape Keycloak issues (sub, name, email,
 * groups). Also builds malformed and forged tokens for the token tests.
 */
public final class Tokens {

    public static final String AUDIENCE = "milepost-api";

    private final Map<String, Object> header = new LinkedHashMap<>();
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String kid = "key-1";

    private Tokens(String subject) {
        long now = Instant.now().getEpochSecond();
        header.put("alg", "RS256");
        header.put("typ", "JWT");
        claims.put("iss", TestIdentityProvider.issuer());
        claims.put("aud", AUDIENCE);
        claims.put("sub", subject);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("preferred_username", subject);
        claims.put("name", subject.substring(0, 1).toUpperCase() + subject.substring(1));
        claims.put("email", subject + "@example.org");
        claims.put("groups", List.of("user"));
    }

    /** A person with only the {@code user} role. */
    public static Tokens user(String subject) {
        return new Tokens(subject);
    }

    /** An instance administrator. */
    public static Tokens admin(String subject) {
        return new Tokens(subject).claim("groups", List.of("admin", "user"));
    }

    public static String bearer(String subject) {
        return user(subject).sign();
    }

    public static String adminBearer() {
        return admin("admin").sign();
    }

    public Tokens claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    public Tokens header(String name, Object value) {
        header.put(name, value);
        return this;
    }

    public Tokens kid(String kid) {
        this.kid = kid;
        return this;
    }

    public String sign() {
        header.putIfAbsent("kid", kid);
        String signingInput = encode(json(header)) + "." + encode(json(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey(kid));
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header and payload as given, with a raw signature part: for forged tokens. */
    public String unsigned(String signature) {
        return encode(json(header)) + "." + encode(json(claims)) + "." + signature;
    }

    public String signingInput() {
        return encode(json(header)) + "." + encode(json(claims));
    }

    public static PrivateKey privateKey(String kid) {
        return (PrivateKey) key(kid, 1);
    }

    public static PublicKey publicKey(String kid) {
        return (PublicKey) key(kid, 2);
    }

    private static java.security.Key key(String kid, int part) {
        for (String entry :
                System.getProperty(TestIdentityProvider.PRIVATE_KEYS, "").split(";")) {
            String[] fields = entry.split("\\|", 3);
            if (fields[0].equals(kid)) {
                try {
                    byte[] der = Base64.getDecoder().decode(fields[part]);
                    KeyFactory rsa = KeyFactory.getInstance("RSA");
                    return part == 1
                            ? rsa.generatePrivate(new PKCS8EncodedKeySpec(der))
                            : rsa.generatePublic(new X509EncodedKeySpec(der));
                } catch (java.security.GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no test key " + kid);
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
