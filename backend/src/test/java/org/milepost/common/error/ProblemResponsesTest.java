package org.milepost.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.milepost.testing.Api;

@QuarkusTest
class ProblemResponsesTest {

    @Test
    void shouldDocumentEveryErrorResponseAsAProblem() throws Exception {
        JsonNode spec = Api.openApiDocument();
        List<String> undocumented = new ArrayList<>();
        int errors = 0;
        for (var path : spec.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                for (var response : operation.getValue().path("responses").properties()) {
                    if (!response.getKey().startsWith("4") && !response.getKey().startsWith("5")) {
                        continue;
                    }
                    errors++;
                    String ref = response.getValue()
                            .path("content")
                            .path(Problem.MEDIA_TYPE)
                            .path("schema")
                            .path("$ref")
                            .asText();
                    if (!ref.equals("#/components/schemas/Problem")) {
                        undocumented.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertTrue(errors > 100, "error responses documented: " + errors);
        assertEquals(List.of(), undocumented, "error responses without the Problem body");
        assertEquals("object", spec.at("/components/schemas/Problem/type").asText());
    }
}
