package org.milepost.reliability;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.milepost.testing.Api.anonymous;
import static org.milepost.testing.Api.asAdmin;
import static org.milepost.testing.Api.createGroup;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile and malformed input is refused with a clear problem, or stored as inert text; never a 5xx. */
@QuarkusTest
class HostileInputTest {

    private static final String NO_LEAKS = "org.|java.|SQL|Exception|at org";

    private static void assertClean(io.restassured.response.ValidatableResponse response) {
        response.contentType("application/problem+json")
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("org.")))
                .body("detail", not(containsString("SQL")));
    }

    @Test
    void shouldRefuseOversizedBodyWith413() {
        String slug = createGroup("huge");
        String big = "x".repeat(5 * 1024 * 1024);
        var response = asAdmin()
                .body("{\"title\":\"" + big + "\"}")
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(413);
        response.contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldRefuseOversizedFieldWith400NamingIt() {
        String slug = createGroup("long-field");
        asAdmin()
                .body(Map.of("title", "ok", "description", "d".repeat(100_001)))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("description"));
    }

    @Test
    void shouldRefuseDeeplyNestedJson() {
        String slug = createGroup("nested");
        String nested = "[".repeat(5000) + "]".repeat(5000);
        assertClean(asAdmin()
                .body("{\"title\":" + nested + "}")
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400));
        assertClean(asAdmin()
                .body(nested)
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400));
    }

    @Test
    void shouldRefuseInvalidUtf8() {
        String slug = createGroup("utf8");
        byte[] prefix = "{\"title\":\"bad ".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 4];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28;
        body[prefix.length + 2] = '"';
        body[prefix.length + 3] = '}';
        assertClean(asAdmin()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400));
    }

    @Test
    void shouldRefuseControlCharactersNamingTheField() {
        String slug = createGroup("control");
        asAdmin()
                .body("{\"title\":\"nul \\u0000 here\"}")
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        asAdmin()
                .body("{\"title\":\"bell \\u0007\"}")
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("title"));
        asAdmin()
                .body(Map.of("title", "Tabs\tand\nnew lines are fine"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201);
        assertClean(anonymous()
                .queryParam("q", "nul\u0000")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(400));
    }

    @Test
    void shouldStoreHtmlAndSqlAsPlainText() {
        String slug = createGroup("inert");
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        String sql = "'; drop table card; -- \" OR 1=1";
        long id = asAdmin()
                .body(Map.of("title", script, "description", sql, "responsible", "Robert'); --"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        anonymous()
                .get("/api/groups/" + slug + "/cards/" + id)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("title", equalTo(script))
                .body("description", equalTo(sql));
        anonymous()
                .queryParam("q", sql)
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo((int) id));
        anonymous()
                .queryParam("q", "%_\\")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldAnswer415And406AsProblems() {
        String slug = createGroup("media");
        asAdmin()
                .contentType("application/xml")
                .body("<card/>")
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
        anonymous()
                .accept("application/xml")
                .get("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void shouldNotLetBodyFieldsChangeWhatTheyName() {
        String slug = createGroup("mass");
        long id = asAdmin()
                .body(Map.of("title", "Mine"))
                .post("/api/groups/" + slug + "/cards")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        for (String field :
                new String[] {"id", "groupId", "createdBy", "createdAt", "updatedAt", "position", "month"}) {
            asAdmin()
                    .body(Map.of("title", "Changed", "status", "DONE", "version", 0, field, "1"))
                    .put("/api/groups/" + slug + "/cards/" + id)
                    .then()
                    .statusCode(400)
                    .body("errors[0].field", equalTo(field));
        }
        anonymous()
                .get("/api/groups/" + slug + "/cards/" + id)
                .then()
                .body("title", equalTo("Mine"))
                .body("version", equalTo(0))
                .body("createdBy", equalTo("admin"));
    }

    @Test
    void shouldAnswerUnknownPathsAndMethodsAsProblems() {
        anonymous().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        anonymous().patch("/api/groups").then().statusCode(405).contentType("application/problem+json");
        anonymous()
                .get("/api/groups/x/cards/not-a-number")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertClean(
                anonymous().queryParam("page", "-1").get("/api/groups").then().statusCode(400));
        assertClean(anonymous()
                .queryParam("status", "NOPE")
                .get("/api/groups/x/cards")
                .then()
                .statusCode(404));
    }
}
