package org.milepost.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** REST Assured shortcuts shared by the resource tests. Every test makes its own data with a unique slug. */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Api() {}

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static RequestSpecification asAdmin() {
        return as(Tokens.adminBearer());
    }

    public static RequestSpecification asUser(String subject) {
        return as(Tokens.bearer(subject));
    }

    /** POSTs {@code body} to {@code path} as the instance admin, expects 201 and returns the new resource's id. */
    public static long createdId(String path, Object body) {
        return asAdmin()
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** The OpenAPI document the running app serves at /q/openapi, as JSON. */
    public static JsonNode openApiDocument() {
        try {
            return new ObjectMapper()
                    .readTree(given().accept("application/json")
                            .get("/q/openapi")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A slug no other test uses. */
    public static String uniqueSlug(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a PUBLIC group May–Oct 2024 as the admin and returns its slug. */
    public static String createGroup(String prefix) {
        return createGroup(prefix, "PUBLIC", "2024-05", "2024-10");
    }

    public static String createGroup(String prefix, String visibility, String start, String end) {
        String slug = uniqueSlug(prefix);
        asAdmin()
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Group " + slug,
                        "mission",
                        "Test mission",
                        "visibility",
                        visibility,
                        "planStart",
                        start,
                        "planEnd",
                        end))
                .post("/api/groups")
                .then()
                .statusCode(201);
        return slug;
    }

    /** Adds {@code subject} to the group with {@code role} (as the admin). */
    public static void addMember(String slug, String subject, String role) {
        asAdmin()
                .body(Map.of("subject", subject, "displayName", subject, "role", role))
                .post("/api/groups/" + slug + "/members")
                .then()
                .statusCode(201);
    }
}
