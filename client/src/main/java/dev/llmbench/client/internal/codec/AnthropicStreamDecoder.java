package dev.llmbench.client.internal.codec;

import java.io.IOException;

/**
 * Anthropic Messages stream: named events (message_start, content_block_start/delta/stop, message_delta, ping,
 * message_stop, error). The SSE event name decides what an event means; the data's {@code type} (always equal to it)
 * is only read when a server omitted the name. message_stop is terminal.
 */
final class AnthropicStreamDecoder extends JsonStreamDecoder {
    private final AnthropicReader reader;

    AnthropicStreamDecoder(EventSink sink, String provider) {
        super(sink, provider);
        this.reader = new AnthropicReader(pending);
    }

    @Override
    protected void event(String type, byte[] data, int offset, int length, long nanoTime) throws IOException {
        boolean unnamed = type.equals("message");
        boolean object = beginObject(data, offset, length);
        if (object) {
            reader.read(json, nanoTime, unnamed);
            endObject();
        }
        String kind = unnamed ? (object ? reader.type : null) : type;
        if (kind == null) return;
        switch (kind) {
            case "message_stop" -> done();
            case "error" -> failWith(object && reader.error != null ? reader.error : new ProviderError(), data, offset, length);
            default -> { }
        }
    }

    @Override
    protected void endOfStream(boolean sawEvent, long nanoTime) {
        failTruncated(sawEvent, "message_stop");
    }
}
