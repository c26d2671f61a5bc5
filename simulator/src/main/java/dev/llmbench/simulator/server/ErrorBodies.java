package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Server-level error responses (before or instead of the provider handler), OpenAI-style JSON. */
final class ErrorBodies {

    static final Map<String, String> JSON = Map.of("content-type", "application/json");

    private ErrorBodies() {}

    static ByteBuf internalError(ByteBufAllocator alloc) {
        return json(alloc, "The simulator failed while handling this request.", "server_error");
    }

    static ByteBuf tooLarge(ByteBufAllocator alloc, int limit) {
        return json(alloc, "Request body exceeds the simulator's limit of " + limit + " bytes.", "invalid_request_error");
    }

    static ByteBuf badRequest(ByteBufAllocator alloc) {
        return json(alloc, "Malformed HTTP request.", "invalid_request_error");
    }

    private static ByteBuf json(ByteBufAllocator alloc, String message, String type) {
        byte[] bytes = ("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                + "\",\"param\":null,\"code\":null}}").getBytes(StandardCharsets.UTF_8);
        return alloc.buffer(bytes.length).writeBytes(bytes);
    }
}
