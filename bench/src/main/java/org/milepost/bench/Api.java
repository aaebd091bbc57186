package org.milepost.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The public API, as the generator and the statement counter call it (JSON over HTTP with a bearer token). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** A response: status and raw body. */
    record Reply(int status, byte[] body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Reply call(String method, String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(
                    method,
                    HttpRequest.BodyPublishers.ofByteArray(
                            body instanceof byte[] bytes ? bytes : JSON.writeValueAsBytes(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.body());
    }

    /** Calls and insists on {@code expected}; the error names the call and shows the problem body. */
    JsonNode expect(int expected, String method, String path, String token, Object body)
            throws IOException, InterruptedException {
        Reply r = call(method, path, token, body);
        if (r.status() != expected) {
            throw new IOException(method + " " + path + " answered " + r.status() + " (expected " + expected + "): "
                    + Proc.tail(new String(r.body()), 2000));
        }
        return r.body().length == 0 ? null : r.json();
    }
}
