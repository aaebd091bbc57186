package org.milepost.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/groups/cardano-roadmap",
                "/groups/x?tab=board&month=2024-05",
                "/groups/x#card-12",
                "/q/swagger-ui",
                "/groups/caf%C3%A9"
            })
    void shouldKeepPathsOnThisSite(String path) {
        assertEquals(path, ReturnPath.safe(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://evil.example",
                "http:/evil.example",
                "//evil.example",
                "///evil.example",
                "/\\evil.example",
                "\\/evil.example",
                "\\\\evil.example",
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>",
                "evil.example",
                "groups/x",
                " /groups",
                "/groups\r\nSet-Cookie: a=b",
                "/%2F%2Fevil.example",
                "/%2f/evil.example",
                "/%5Cevil.example",
                "/%0d%0aSet-Cookie:%20a=b",
                "/\tevil",
                "/groups x"
            })
    void shouldSendEverythingElseHome(String returnTo) {
        assertEquals("/", ReturnPath.safe(returnTo));
    }

    @ParameterizedTest
    @ValueSource(ints = {2049, 10_000})
    void shouldSendOverlongPathsHome(int length) {
        assertEquals("/", ReturnPath.safe("/" + "a".repeat(length)));
    }
}
