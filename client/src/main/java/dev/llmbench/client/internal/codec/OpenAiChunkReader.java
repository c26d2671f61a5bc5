package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.client.internal.sse.CharView;

import java.io.IOException;

/**
 * Reads one OpenAI-format object, a {@code chat.completion.chunk} or a whole non-streaming {@code chat.completion}
 * ({@code message} is read like {@code delta}), pulling only: content and reasoning text, finish_reason, model, usage
 * (on any object, with {@code choices} empty or null) and an error object. Emits as it reads; text goes out as a view
 * over the parser's buffer, so a chunk costs no allocation beyond what the sink does.
 */
final class OpenAiChunkReader {
    private final EventSink sink;
    private final CharView view = new CharView();
    private final OpenAiChunkScanner scanner;
    private boolean modelReported;

    OpenAiChunkReader(EventSink sink) {
        this.sink = sink;
        this.scanner = new OpenAiChunkScanner(sink);
    }

    /**
     * The fast path for one event's data: true if {@link OpenAiChunkScanner} handled it (and reported to the sink);
     * false if the caller must clear what the sink holds and {@link #read} the event with Jackson.
     */
    boolean scan(byte[] data, int offset, int length, long nanoTime) {
        if (!scanner.scan(data, offset, length, !modelReported, nanoTime)) return false;
        if (scanner.reportedModel()) modelReported = true;
        return true;
    }

    /**
     * Reads the object the parser is on (its START_OBJECT consumed) through its END_OBJECT.
     *
     * @return the error the object carried ({@code {"error":{...}}}, or vLLM's {@code {"object":"error",...}}), else null
     */
    ProviderError read(JsonParser p, long nanoTime) throws IOException {
        ProviderError error = null;
        ProviderError topLevel = null;
        boolean objectIsError = false;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "choices" -> {
                    if (value == JsonToken.START_ARRAY) readChoices(p, nanoTime);
                    else Json.skip(p);
                }
                case "usage" -> {
                    if (value == JsonToken.START_OBJECT) readUsage(p);
                    else Json.skip(p);
                }
                case "model" -> {
                    if (!modelReported && value == JsonToken.VALUE_STRING) {
                        modelReported = true;
                        sink.onModel(p.getText());
                    } else {
                        Json.skip(p);
                    }
                }
                case "error" -> error = ProviderError.read(p);
                case "object" -> {
                    objectIsError = Json.textEquals(p, "error");
                    Json.skip(p);
                }
                case "message", "type", "code" -> {
                    if (topLevel == null) topLevel = new ProviderError();
                    topLevel.readField(field, p);
                }
                default -> Json.skip(p);
            }
        }
        if (error != null) return error;
        return objectIsError ? (topLevel == null ? new ProviderError() : topLevel) : null;
    }

    private void readChoices(JsonParser p, long nanoTime) throws IOException {
        JsonToken t;
        while ((t = Json.next(p)) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) readChoice(p, nanoTime);
            else Json.skip(p);
        }
    }

    private void readChoice(JsonParser p, long nanoTime) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "delta", "message" -> {
                    if (value == JsonToken.START_OBJECT) readDelta(p, nanoTime);
                    else Json.skip(p);
                }
                case "finish_reason" -> {
                    if (value == JsonToken.VALUE_STRING) sink.onFinish(p.getText());
                    else Json.skip(p);
                }
                default -> Json.skip(p);
            }
        }
    }

    private void readDelta(JsonParser p, long nanoTime) throws IOException {
        // vLLM renamed reasoning_content to reasoning and some servers send both with the same text: take the first.
        boolean thoughtSeen = false;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "content" -> {
                    if (value == JsonToken.VALUE_STRING && p.getTextLength() > 0) {
                        sink.onText(Json.text(p, view), false, nanoTime);
                    } else {
                        Json.skip(p);
                    }
                }
                case "reasoning_content", "reasoning" -> {
                    if (!thoughtSeen && value == JsonToken.VALUE_STRING && p.getTextLength() > 0) {
                        thoughtSeen = true;
                        sink.onText(Json.text(p, view), true, nanoTime);
                    } else {
                        Json.skip(p);
                    }
                }
                default -> Json.skip(p);
            }
        }
    }

    private void readUsage(JsonParser p) throws IOException {
        long prompt = 0;
        long completion = 0;
        long cached = -1;
        long cacheHit = -1;
        long reasoning = 0;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "prompt_tokens" -> prompt = Math.max(0, Json.longOrMinusOne(p));
                case "completion_tokens" -> completion = Math.max(0, Json.longOrMinusOne(p));
                case "prompt_cache_hit_tokens" -> cacheHit = Json.longOrMinusOne(p); // DeepSeek
                case "prompt_tokens_details" -> {
                    if (value == JsonToken.START_OBJECT) cached = readDetail(p, "cached_tokens");
                    else Json.skip(p);
                }
                case "completion_tokens_details" -> {
                    if (value == JsonToken.START_OBJECT) reasoning = Math.max(0, readDetail(p, "reasoning_tokens"));
                    else Json.skip(p);
                }
                default -> Json.skip(p);
            }
        }
        long cachedTokens = cached >= 0 ? cached : Math.max(0, cacheHit);
        sink.onUsage(prompt, cachedTokens, completion, reasoning);
    }

    /** The integer field {@code name} of the object the parser is in, or -1. */
    private static long readDetail(JsonParser p, String name) throws IOException {
        long found = -1;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            boolean wanted = p.currentName().equals(name);
            Json.next(p);
            if (wanted) found = Json.longOrMinusOne(p);
            else Json.skip(p);
        }
        return found;
    }
}
