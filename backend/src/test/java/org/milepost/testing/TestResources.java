package org.milepost.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the test identity provider for every {@code @QuarkusTest}, so they all share one application. */
@QuarkusTestResource(TestIdentityProvider.class)
public final class TestResources {

    private TestResources() {}
}
