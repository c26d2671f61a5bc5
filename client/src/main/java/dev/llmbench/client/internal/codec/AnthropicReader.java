package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.client.internal.sse.CharView;

import java.io.IOException;

/**
 * Reads Anthropic Messages objects: the data of each stream event, and the whole non-streaming message. The walk is
 * the same whatever the event type, since each field lives at its own path: {@code message.model} and
 * {@code message.usage} (message_start), {@code content_block} (content_block_start), {@code delta.text} /
 * {@code delta.thinking} / {@code delta.stop_reason} (content_block_delta, message_delta), top-level {@code usage}
 * (message_delta, and the non-streaming message), {@code content[]} (non-streaming), {@code error}.
 *
 * <p>Usage: Anthropic's {@code input_tokens} excludes cached prompt tokens, so the input reported to the sink is
 * {@code input_tokens + cache_creation_input_tokens + cache_read_input_tokens}, with {@code cache_read_input_tokens}
 * as the cached part. message_delta counts are cumulative: fields present replace the stored ones and the full set is
 * reported each time. Anthropic reports no separate thinking count (reasoning = 0).
 */
final class AnthropicReader {
    private final EventSink sink;
    private final CharView view = new CharView();
    private boolean modelReported;
    private long inputTokens;
    private long cacheCreationTokens;
    private long cacheReadTokens;
    private long outputTokens;

    /** Set by {@link #read}: the data's {@code type} when the caller asked for it, and the error object if any. */
    String type;
    ProviderError error;

    AnthropicReader(EventSink sink) {
        this.sink = sink;
    }

    /**
     * Reads the object the parser is on (START_OBJECT consumed) through its END_OBJECT.
     *
     * @param wantType read the top-level {@code type} into {@link #type} (only needed when the SSE event had no name)
     */
    void read(JsonParser p, long nanoTime, boolean wantType) throws IOException {
        type = null;
        error = null;
        readObject(p, nanoTime, wantType);
    }

    private void readObject(JsonParser p, long nanoTime, boolean wantType) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "type" -> {
                    if (wantType) type = Json.stringOrNull(p);
                    else Json.skip(p);
                }
                case "message" -> {
                    if (value == JsonToken.START_OBJECT) readObject(p, nanoTime, false);
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
                case "content_block", "delta" -> {
                    if (value == JsonToken.START_OBJECT) readBlock(p, nanoTime);
                    else Json.skip(p);
                }
                case "content" -> {
                    if (value == JsonToken.START_ARRAY) readBlocks(p, nanoTime);
                    else Json.skip(p);
                }
                case "stop_reason" -> {
                    if (value == JsonToken.VALUE_STRING) sink.onFinish(p.getText());
                    else Json.skip(p);
                }
                case "usage" -> {
                    if (value == JsonToken.START_OBJECT) readUsage(p);
                    else Json.skip(p);
                }
                case "error" -> error = ProviderError.read(p);
                default -> Json.skip(p);
            }
        }
    }

    private void readBlocks(JsonParser p, long nanoTime) throws IOException {
        JsonToken t;
        while ((t = Json.next(p)) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) readBlock(p, nanoTime);
            else Json.skip(p);
        }
    }

    /**
     * A content block or delta: {@code text} is answer text, {@code thinking} is thought text (the field names tell,
     * whatever order {@code type} comes in); {@code signature}, {@code partial_json} and the rest are ignored.
     */
    private void readBlock(JsonParser p, long nanoTime) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "text", "thinking" -> {
                    if (value == JsonToken.VALUE_STRING && p.getTextLength() > 0) {
                        sink.onText(Json.text(p, view), field.equals("thinking"), nanoTime);
                    } else {
                        Json.skip(p);
                    }
                }
                case "stop_reason" -> {
                    if (value == JsonToken.VALUE_STRING) sink.onFinish(p.getText());
                    else Json.skip(p);
                }
                default -> Json.skip(p);
            }
        }
    }

    private void readUsage(JsonParser p) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            Json.next(p);
            long v = Json.longOrMinusOne(p);
            if (v < 0) continue;
            switch (field) {
                case "input_tokens" -> inputTokens = v;
                case "cache_creation_input_tokens" -> cacheCreationTokens = v;
                case "cache_read_input_tokens" -> cacheReadTokens = v;
                case "output_tokens" -> outputTokens = v;
                default -> { }
            }
        }
        sink.onUsage(inputTokens + cacheCreationTokens + cacheReadTokens, cacheReadTokens, outputTokens, 0);
    }
}
