package dev.llmbench.client.internal.codec;

import java.io.IOException;

/**
 * Gemini {@code streamGenerateContent?alt=sse}: every frame is a GenerateContentResponse and there is no terminal
 * event. The stream is complete when the body ends after a frame carrying a finishReason (frames after it, e.g. a
 * final usage frame, are still read); a body ending without one was truncated.
 */
final class GeminiStreamDecoder extends JsonStreamDecoder {
    private final GeminiReader reader;

    GeminiStreamDecoder(EventSink sink, String provider) {
        super(sink, provider);
        this.reader = new GeminiReader(pending);
    }

    @Override
    protected void event(String type, byte[] data, int offset, int length, long nanoTime) throws IOException {
        if (!beginObject(data, offset, length)) return;
        ProviderError error = reader.read(json, nanoTime);
        endObject();
        if (error != null) failWith(error, data, offset, length);
    }

    @Override
    protected void endOfStream(boolean sawEvent, long nanoTime) {
        if (reader.finishSeen()) done();
        else failTruncated(sawEvent, "finishReason");
    }
}
