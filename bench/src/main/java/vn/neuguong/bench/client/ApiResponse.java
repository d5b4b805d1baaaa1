package vn.neuguong.bench.client;

import tools.jackson.databind.JsonNode;

/** A response of the public API: status, body (JSON or a missing node) and the ETag's version, if any. */
public record ApiResponse(int status, JsonNode body, String etag) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public long version() {
        return body.path("version").asLong();
    }
}
