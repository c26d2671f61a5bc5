package dev.llmbench.client.internal.sse;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what an SseParser dispatches as text lines: {@code type|data}, {@code :comment}, {@code !overflow}. */
final class RecordingHandler implements SseHandler {
    final List<String> calls = new ArrayList<>();
    final List<String> types = new ArrayList<>();

    @Override
    public void onEvent(String type, byte[] data, int offset, int length, long nanoTime) {
        types.add(type);
        calls.add(type + "|" + new String(data, offset, length, StandardCharsets.UTF_8));
    }

    @Override
    public void onComment(CharSequence comment, long nanoTime) { calls.add(":" + comment); }

    @Override
    public void onOverflow(String reason, long nanoTime) { calls.add("!" + reason); }

    static List<String> parse(String stream) {
        return parse(stream.getBytes(StandardCharsets.UTF_8), new int[0]);
    }

    /** Parses {@code bytes} fed in pieces cut at the ascending offsets {@code splits}. */
    static List<String> parse(byte[] bytes, int[] splits) {
        RecordingHandler h = new RecordingHandler();
        SseParser p = new SseParser(h);
        int from = 0;
        for (int at : splits) {
            p.feed(ByteBuffer.wrap(bytes, from, at - from), 0);
            from = at;
        }
        p.feed(ByteBuffer.wrap(bytes, from, bytes.length - from), 0);
        p.end(0);
        return h.calls;
    }
}
