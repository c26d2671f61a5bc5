package dev.llmbench.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Message;
import dev.llmbench.client.Provider;
import dev.llmbench.client.internal.codec.EncodedRequest;
import dev.llmbench.client.internal.codec.EventSink;
import dev.llmbench.client.internal.codec.HeaderLookup;
import dev.llmbench.client.internal.codec.ProviderCodec;
import dev.llmbench.client.internal.codec.StreamDecoder;
import dev.llmbench.client.internal.sse.SseHandler;
import dev.llmbench.client.internal.sse.SseParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** A small OpenAI chat-completions codec for testing the client core independently of the real codecs. */
final class TestOpenAiCodec implements ProviderCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override public Provider provider() { return Provider.OPENAI; }

    @Override
    public EncodedRequest encode(ChatRequest request, String providerModel, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", providerModel).put("stream", stream);
        var messages = body.putArray("messages");
        for (Message m : request.messages()) messages.addObject().put("role", m.role().name().toLowerCase()).put("content", m.content());
        if (stream) body.putObject("stream_options").put("include_usage", true);
        return new EncodedRequest("/chat/completions", List.of("content-type", "application/json"),
                body.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void authHeaders(String apiKey, HeaderSink headers) { headers.header("authorization", "Bearer " + apiKey); }

    @Override
    public StreamDecoder newStreamDecoder(EventSink sink) {
        return new StreamDecoder() {
            boolean done;
            final SseParser parser = new SseParser(new SseHandler() {
                @Override
                public void onEvent(String type, byte[] data, int offset, int length, long nanoTime) {
                    sink.onEvent(nanoTime);
                    String s = new String(data, offset, length, StandardCharsets.UTF_8);
                    if (s.equals("[DONE]")) { done = true; sink.onDone(); return; }
                    try {
                        JsonNode n = JSON.readTree(s);
                        if (n.has("error")) { sink.onError(new LlmException.ServerError("stream error", 200, s)); return; }
                        chunk(n, sink, nanoTime);
                    } catch (IOException e) {
                        sink.onError(new LlmException.Protocol("malformed chunk", 200, e));
                    }
                }
                @Override public void onComment(CharSequence comment, long nanoTime) { sink.onComment(comment, nanoTime); }
                @Override public void onOverflow(String reason, long nanoTime) { sink.onError(new LlmException.Protocol(reason, 200, null)); }
            });
            @Override public void feed(ByteBuffer buf, long nanoTime) { parser.feed(buf, nanoTime); }
            @Override public void end(long nanoTime) {
                parser.end(nanoTime);
                if (!done) sink.onError(new LlmException.Protocol("truncated stream", 200, null));
            }
        };
    }

    private static void chunk(JsonNode n, EventSink sink, long nanoTime) {
        for (JsonNode c : n.path("choices")) {
            String text = c.path("delta").path("content").asText("");
            if (!text.isEmpty()) sink.onText(text, false, nanoTime);
            String msg = c.path("message").path("content").asText("");
            if (!msg.isEmpty()) sink.onText(msg, false, nanoTime);
            if (c.hasNonNull("finish_reason")) sink.onFinish(c.get("finish_reason").asText());
        }
        JsonNode u = n.path("usage");
        if (u.isObject()) sink.onUsage(u.path("prompt_tokens").asLong(), u.path("prompt_tokens_details").path("cached_tokens").asLong(),
                u.path("completion_tokens").asLong(), u.path("completion_tokens_details").path("reasoning_tokens").asLong());
    }

    @Override
    public void decodeResponse(byte[] body, EventSink sink) {
        try {
            chunk(JSON.readTree(body), sink, System.nanoTime());
            sink.onDone();
        } catch (IOException e) {
            sink.onError(new LlmException.Protocol("malformed body", 200, e));
        }
    }

    @Override
    public LlmException decodeError(int status, HeaderLookup headers, byte[] body) {
        String b = new String(body, StandardCharsets.UTF_8);
        return switch (status) {
            case 401, 403 -> new LlmException.Auth("auth failed: " + b, status, b);
            case 429 -> {
                String ra = headers.get("retry-after");
                yield new LlmException.RateLimited("rate limited", status, b, ra == null ? null : Duration.ofSeconds(Long.parseLong(ra)), null);
            }
            case 503, 529 -> new LlmException.Overloaded("overloaded", status, b, null);
            default -> status >= 500 ? new LlmException.ServerError("server error", status, b) : new LlmException.BadRequest("bad request", status, b);
        };
    }
}
