package org.milepost.reliability;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the app against {@link FaultyDatabase} instead of the shared test database. */
public class FaultProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultyDatabase.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }
}
