package dev.llmbench.client.internal.codec;

import java.io.IOException;

/** OpenAI-format chat completion stream: {@code data:} chunks, then {@code data: [DONE]}. */
final class OpenAiStreamDecoder extends JsonStreamDecoder {
    private static final byte[] DONE = {'[', 'D', 'O', 'N', 'E', ']'};

    private final OpenAiChunkReader reader;

    OpenAiStreamDecoder(EventSink sink, String provider) {
        super(sink, provider);
        this.reader = new OpenAiChunkReader(pending);
    }

    @Override
    protected void event(String type, byte[] data, int offset, int length, long nanoTime) throws IOException {
        if (isDone(data, offset, length)) {
            done();
            return;
        }
        if (reader.scan(data, offset, length, nanoTime)) {
            pending.flush(nanoTime);
            return;
        }
        pending.clear(); // whatever the fast path reported before it handed the event over
        if (!beginObject(data, offset, length)) return;
        ProviderError error = reader.read(json, nanoTime);
        endObject();
        if (error != null) failWith(error, data, offset, length);
    }

    @Override
    protected void endOfStream(boolean sawEvent, long nanoTime) {
        failTruncated(sawEvent, "data: [DONE]");
    }

    private static boolean isDone(byte[] data, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && data[start] == ' ') start++;
        while (end > start && (data[end - 1] == ' ' || data[end - 1] == '\r' || data[end - 1] == '\n')) end--;
        if (end - start != DONE.length) return false;
        for (int i = 0; i < DONE.length; i++) if (data[start + i] != DONE[i]) return false;
        return true;
    }
}
