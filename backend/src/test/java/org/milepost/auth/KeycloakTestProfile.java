package org.milepost.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs the app against a real Keycloak with the realm from {@code keycloak/realm-milepost.json}, instead of the
 * in-process test provider (the global test resources are switched off). The app listens on the fixed port 8089,
 * whose {@code /auth/login} the realm lists as an exact redirect URI.
 */
public class KeycloakTestProfile implements QuarkusTestProfile {

    static final int APP_PORT = 8089;
    static final String WEB_CLIENT_SECRET = "milepost-web-dev-secret-change-me-in-production";
    static final String CLI_CLIENT_SECRET = "milepost-cli-dev-secret-change-me-in-production";

    static String keycloakUrl() {
        String url = System.getProperty(
                "milepost.keycloak.url",
                System.getenv().getOrDefault("MILEPOST_KEYCLOAK_URL", "http://localhost:8180"));
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String realmUrl() {
        return keycloakUrl() + "/realms/milepost";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.oidc.auth-server-url",
                realmUrl(),
                "quarkus.oidc.client-id",
                "milepost-web",
                "quarkus.oidc.credentials.secret",
                WEB_CLIENT_SECRET,
                "quarkus.oidc.token.audience",
                "milepost-api",
                "quarkus.http.test-port",
                String.valueOf(APP_PORT));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
