package org.milepost.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.milepost.testing.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milepost.testing.TestIdentityProvider;
import org.milepost.testing.Tokens;

/**
 * The provider rotates its signing key: a token with a new key id works after one key fetch; a flood of tokens with
 * unknown key ids does not make the app hammer the provider; while the provider is down, known keys keep working.
 * Runs in its own application (profile) so the app's key cache starts from a known state.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.FreshKeys.class)
class KeyRotationTest {

    /** A distinct profile: a fresh application whose key cache holds only the keys fetched at start. */
    public static class FreshKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.forced-jwk-refresh-interval", "10M");
        }
    }

    private static int status(String token) {
        return as(token).get("/api/groups").then().extract().statusCode(); // 401 whenever the token is refused
    }

    @Test
    void shouldAcceptRotatedKeyAfterOneFetchResistAFetchStormAndSurviveProviderOutage() {
        assertEquals(200, status(Tokens.user("rotation").sign()), "the start-up key works");

        String kid = "rotated-" + UUID.randomUUID();
        TestIdentityProvider.addKey(kid);
        int before = TestIdentityProvider.jwksFetches();
        assertEquals(200, status(Tokens.user("rotation").kid(kid).sign()), "a token signed with the new key works");
        assertEquals(before + 1, TestIdentityProvider.jwksFetches(), "after exactly one key fetch");

        int beforeFlood = TestIdentityProvider.jwksFetches();
        for (int i = 0; i < 40; i++) {
            String unknown = "unknown-" + i;
            TestIdentityProvider.addKey(unknown); // a real key the app has not seen: signature would verify
            int s = status(Tokens.user("flood").kid(unknown).sign());
            assertTrue(s == 401 || s == 200, "unknown key id answered " + s);
        }
        assertTrue(
                TestIdentityProvider.jwksFetches() - beforeFlood <= 1,
                "40 unknown key ids caused " + (TestIdentityProvider.jwksFetches() - beforeFlood) + " key fetches");

        TestIdentityProvider.setDown(true);
        try {
            assertEquals(200, status(Tokens.user("outage").sign()), "known start-up key while the provider is down");
            assertEquals(200, status(Tokens.user("outage").kid(kid).sign()), "known rotated key while down");
            int s = status(Tokens.user("outage").header("kid", "never-seen").sign());
            assertEquals(401, s, "an unknown key while the provider is down is refused, never a 5xx");
        } finally {
            TestIdentityProvider.setDown(false);
        }
    }
}
