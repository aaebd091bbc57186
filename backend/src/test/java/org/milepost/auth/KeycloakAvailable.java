package org.milepost.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class unless Keycloak answers with the {@code milepost} realm at {@code milepost.keycloak.url}
 * ({@code MILEPOST_KEYCLOAK_URL}, default http://localhost:8180). Evaluated before the app starts, so a skipped class
 * costs nothing. {@code scripts/test-keycloak.sh} starts Keycloak and runs these tests.
 */
public class KeycloakAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String discovery = KeycloakTestProfile.realmUrl() + "/.well-known/openid-configuration";
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(discovery))
                                    .timeout(Duration.ofSeconds(3))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return ConditionEvaluationResult.enabled("Keycloak answers at " + discovery);
            }
            return ConditionEvaluationResult.disabled("Keycloak answered " + response.statusCode() + " at " + discovery
                    + "; run scripts/test-keycloak.sh");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ConditionEvaluationResult.disabled("No Keycloak at " + discovery + "; run scripts/test-keycloak.sh");
        }
    }
}
