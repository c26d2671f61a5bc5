package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for writing request bodies with a Jackson generator. */
final class RequestBodies {
    private RequestBodies() {}

    /** Writes one request body's fields (inside the root object). */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g, Map<String, Object> extra) throws IOException;
    }

    /**
     * The JSON object made of {@code fields} followed by the request's {@code extra} fields, sorted by name so equal
     * requests give equal bytes. A field in {@code extra} replaces the codec's own field of that name, which the
     * {@link Fields} writer skips by checking {@code extra.containsKey}.
     */
    static byte[] write(ChatRequest request, Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g, request.extra());
            for (Map.Entry<String, Object> e : new TreeMap<>(request.extra()).entrySet()) {
                g.writeFieldName(e.getKey());
                g.writeObject(e.getValue());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new LlmException.Config("cannot encode the request body (is every 'extra' value JSON-serialisable?): "
                    + e.getMessage());
        }
        return out.toByteArray();
    }

    /** The flattened content headers of a request. */
    static List<String> headers(boolean stream) {
        return List.of("content-type", "application/json", "accept", stream ? "text/event-stream" : "application/json");
    }
}
