package org.milepost.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code milepost.demo-data.*}: the seed documents as demo groups, in dev mode only. */
@ConfigMapping(prefix = "milepost.demo-data")
public interface DemoDataConfig {

    /** Load the demo groups into an empty database at start-up (true in {@code %dev} only; ignored in production). */
    @WithDefault("false")
    boolean enabled();

    /** The identity-provider subject that chairs the demo groups (Dev Services for OIDC's admin user is alice). */
    @WithDefault("alice")
    String chairSubject();

    /** The demo chair's display name. */
    @WithDefault("Alice")
    String chairName();
}
