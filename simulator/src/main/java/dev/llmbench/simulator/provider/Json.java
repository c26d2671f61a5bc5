package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Jackson for request parsing and whole bodies (once per request); events use byte templates instead. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body; null when it is not valid JSON. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0) return null;
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A JSON string literal, quotes included, as it appears in a template. */
    static String quote(String s) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
    }

    /** Appends all text found under {@code node} in the given string fields to {@code sink}. */
    static void collectText(JsonNode node, java.io.ByteArrayOutputStream sink) {
        if (node == null || node.isNull()) return;
        if (node.isTextual()) {
            sink.writeBytes(node.asText().getBytes(StandardCharsets.UTF_8));
        } else if (node.isArray()) {
            for (JsonNode part : node) {
                if (part.isTextual()) collectText(part, sink);
                else collectText(part.get("text"), sink);
            }
        }
    }

    /** Whether any object under {@code node} has the field {@code name}. */
    static boolean containsField(JsonNode node, String name) {
        return node != null && !node.findValues(name).isEmpty();
    }
}
