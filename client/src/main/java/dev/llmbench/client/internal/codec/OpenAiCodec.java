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
 * The OpenAI Chat Completions format, spoken by OpenAI, Together and any OpenAI-compatible server (vLLM, Ollama,
 * LiteLLM proxy). The flavours differ in the output limit field: OpenAI documents {@code max_completion_tokens}
 * ({@code max_tokens} is deprecated there and rejected by reasoning models), while {@code max_tokens} is the one every
 * compatible server accepts.
 *
 * <p>Thinking: a {@link Thinking.Level} becomes {@code reasoning_effort} (lower-cased). A {@link Thinking.Budget} has
 * no equivalent in this format and is not sent; use {@code extra} for server-specific switches (e.g. vLLM's
 * {@code chat_template_kwargs}).
 */
final class OpenAiCodec implements ProviderCodec {
    private final Provider provider;
    private final String name;
    private final String maxTokensField;

    OpenAiCodec(Provider provider, String name, String maxTokensField) {
        this.provider = provider;
        this.name = name;
        this.maxTokensField = maxTokensField;
    }

    @Override
    public Provider provider() { return provider; }

    @Override
    public EncodedRequest encode(ChatRequest request, String providerModel, boolean stream) {
        byte[] body = RequestBodies.write(request, (g, extra) -> writeFields(g, extra, request, providerModel, stream));
        return new EncodedRequest("/chat/completions", RequestBodies.headers(stream), body);
    }

    private void writeFields(JsonGenerator g, Map<String, Object> extra, ChatRequest r, String model, boolean stream)
            throws IOException {
        if (!extra.containsKey("model")) g.writeStringField("model", model);
        if (!extra.containsKey("messages")) {
            g.writeArrayFieldStart("messages");
            if (r.system() != null) writeMessage(g, "system", r.system());
            for (Message m : r.messages()) writeMessage(g, m.role() == Message.Role.USER ? "user" : "assistant", m.content());
            g.writeEndArray();
        }
        if (r.maxTokens() != null && !extra.containsKey(maxTokensField)) g.writeNumberField(maxTokensField, r.maxTokens());
        if (r.temperature() != null && !extra.containsKey("temperature")) g.writeNumberField("temperature", r.temperature());
        if (r.thinking() instanceof Thinking.Level level && !extra.containsKey("reasoning_effort")) {
            g.writeStringField("reasoning_effort", level.level().toLowerCase(Locale.ROOT));
        }
        if (stream) {
            if (!extra.containsKey("stream")) g.writeBooleanField("stream", true);
            if (!extra.containsKey("stream_options")) {
                g.writeObjectFieldStart("stream_options");
                g.writeBooleanField("include_usage", true);
                g.writeEndObject();
            }
        }
    }

    private static void writeMessage(JsonGenerator g, String role, String content) throws IOException {
        g.writeStartObject();
        g.writeStringField("role", role);
        g.writeStringField("content", content);
        g.writeEndObject();
    }

    @Override
    public void authHeaders(String apiKey, HeaderSink headers) {
        headers.header("authorization", "Bearer " + apiKey);
    }

    @Override
    public StreamDecoder newStreamDecoder(EventSink sink) {
        return new OpenAiStreamDecoder(sink, name);
    }

    @Override
    public void decodeResponse(byte[] body, EventSink sink) {
        WholeBody.decode(name, body, sink, s -> new OpenAiChunkReader(s)::read);
    }

    @Override
    public LlmException decodeError(int status, HeaderLookup headers, byte[] body) {
        return ErrorDecoding.fromResponse(name, status, headers, body);
    }
}
