package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Message;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Thinking;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The Gemini (Google AI Studio) {@code generateContent} format. Roles are {@code user} and {@code model}; the system
 * prompt goes to {@code systemInstruction}; limits and thinking go to {@code generationConfig}: a
 * {@link Thinking.Budget} becomes {@code thinkingBudget} (0 off, -1 dynamic), a {@link Thinking.Level}
 * {@code thinkingLevel} (upper-cased). Only one of them is ever sent: the API rejects both.
 */
final class GeminiCodec implements ProviderCodec {
    private static final String NAME = "Gemini";

    @Override
    public Provider provider() { return Provider.GEMINI; }

    @Override
    public EncodedRequest encode(ChatRequest request, String providerModel, boolean stream) {
        String model = providerModel.startsWith("models/") ? providerModel.substring("models/".length()) : providerModel;
        String path = "/models/" + model + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
        byte[] body = RequestBodies.write(request, (g, extra) -> writeFields(g, extra, request));
        return new EncodedRequest(path, RequestBodies.headers(stream), body);
    }

    private static void writeFields(JsonGenerator g, Map<String, Object> extra, ChatRequest r) throws IOException {
        if (!extra.containsKey("contents")) {
            g.writeArrayFieldStart("contents");
            for (Message m : r.messages()) {
                g.writeStartObject();
                g.writeStringField("role", m.role() == Message.Role.USER ? "user" : "model");
                writeParts(g, m.content());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.system() != null && !extra.containsKey("systemInstruction")) {
            g.writeObjectFieldStart("systemInstruction");
            writeParts(g, r.system());
            g.writeEndObject();
        }
        boolean config = r.maxTokens() != null || r.temperature() != null || r.thinking() != null;
        if (config && !extra.containsKey("generationConfig")) {
            g.writeObjectFieldStart("generationConfig");
            if (r.maxTokens() != null) g.writeNumberField("maxOutputTokens", r.maxTokens());
            if (r.temperature() != null) g.writeNumberField("temperature", r.temperature());
            if (r.thinking() != null) {
                g.writeObjectFieldStart("thinkingConfig");
                if (r.thinking() instanceof Thinking.Budget b) g.writeNumberField("thinkingBudget", b.tokens());
                else if (r.thinking() instanceof Thinking.Level l) g.writeStringField("thinkingLevel", l.level().toUpperCase(Locale.ROOT));
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static void writeParts(JsonGenerator g, String text) throws IOException {
        g.writeArrayFieldStart("parts");
        g.writeStartObject();
        g.writeStringField("text", text);
        g.writeEndObject();
        g.writeEndArray();
    }

    @Override
    public void authHeaders(String apiKey, HeaderSink headers) {
        headers.header("x-goog-api-key", apiKey);
    }

    @Override
    public StreamDecoder newStreamDecoder(EventSink sink) {
        return new GeminiStreamDecoder(sink, NAME);
    }

    @Override
    public void decodeResponse(byte[] body, EventSink sink) {
        WholeBody.decode(NAME, body, sink, s -> new GeminiReader(s)::read);
    }

    @Override
    public LlmException decodeError(int status, HeaderLookup headers, byte[] body) {
        return ErrorDecoding.fromResponse(NAME, status, headers, body);
    }
}
