package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Message;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Thinking;

import java.io.IOException;
import java.util.Map;

/**
 * The Anthropic Messages format. {@code max_tokens} is required: without one in the request, 1024 is sent, or
 * {@code budget + 1024} when a thinking budget is set (the API requires the budget to be below max_tokens).
 * Thinking: a positive {@link Thinking.Budget} sends {@code {"type":"enabled","budget_tokens":N}}, a zero budget
 * {@code {"type":"disabled"}}; a negative (dynamic) budget and a {@link Thinking.Level} have no equivalent here and
 * are not sent.
 */
final class AnthropicCodec implements ProviderCodec {
    static final String API_VERSION = "2023-06-01";
    static final int DEFAULT_MAX_TOKENS = 1024;
    private static final String NAME = "Anthropic";

    @Override
    public Provider provider() { return Provider.ANTHROPIC; }

    @Override
    public EncodedRequest encode(ChatRequest request, String providerModel, boolean stream) {
        byte[] body = RequestBodies.write(request, (g, extra) -> writeFields(g, extra, request, providerModel, stream));
        return new EncodedRequest("/messages", RequestBodies.headers(stream), body);
    }

    private static void writeFields(JsonGenerator g, Map<String, Object> extra, ChatRequest r, String model,
                                    boolean stream) throws IOException {
        int budget = r.thinking() instanceof Thinking.Budget b ? b.tokens() : -1;
        if (!extra.containsKey("model")) g.writeStringField("model", model);
        if (!extra.containsKey("max_tokens")) {
            int max = r.maxTokens() != null ? r.maxTokens() : budget > 0 ? budget + DEFAULT_MAX_TOKENS : DEFAULT_MAX_TOKENS;
            g.writeNumberField("max_tokens", max);
        }
        if (r.system() != null && !extra.containsKey("system")) g.writeStringField("system", r.system());
        if (!extra.containsKey("messages")) {
            g.writeArrayFieldStart("messages");
            for (Message m : r.messages()) {
                g.writeStartObject();
                g.writeStringField("role", m.role() == Message.Role.USER ? "user" : "assistant");
                g.writeStringField("content", m.content());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (r.temperature() != null && !extra.containsKey("temperature")) g.writeNumberField("temperature", r.temperature());
        if (stream && !extra.containsKey("stream")) g.writeBooleanField("stream", true);
        if (budget >= 0 && !extra.containsKey("thinking")) {
            g.writeObjectFieldStart("thinking");
            if (budget > 0) {
                g.writeStringField("type", "enabled");
                g.writeNumberField("budget_tokens", budget);
            } else {
                g.writeStringField("type", "disabled");
            }
            g.writeEndObject();
        }
    }

    @Override
    public void authHeaders(String apiKey, HeaderSink headers) {
        headers.header("x-api-key", apiKey);
        headers.header("anthropic-version", API_VERSION);
    }

    @Override
    public StreamDecoder newStreamDecoder(EventSink sink) {
        return new AnthropicStreamDecoder(sink, NAME);
    }

    @Override
    public void decodeResponse(byte[] body, EventSink sink) {
        WholeBody.decode(NAME, body, sink, s -> {
            AnthropicReader reader = new AnthropicReader(s);
            return (p, t) -> {
                reader.read(p, t, false);
                return reader.error;
            };
        });
    }

    @Override
    public LlmException decodeError(int status, HeaderLookup headers, byte[] body) {
        return ErrorDecoding.fromResponse(NAME, status, headers, body);
    }
}
