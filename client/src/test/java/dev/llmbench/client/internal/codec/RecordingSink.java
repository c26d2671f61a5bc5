package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records every EventSink call as a line of text, so whole decodings can be compared. */
final class RecordingSink implements EventSink {
    final List<String> calls = new ArrayList<>();
    LlmException error;
    int terminals;
    boolean callAfterTerminal;

    @Override public void onEvent(long nanoTime) { record("event"); }
    @Override public void onText(CharSequence text, boolean thought, long nanoTime) {
        record((thought ? "thought:" : "text:") + text);
    }
    @Override public void onComment(CharSequence comment, long nanoTime) { record("comment:" + comment); }
    @Override public void onFinish(String finishReason) { record("finish:" + finishReason); }
    @Override public void onUsage(long in, long cached, long out, long reasoning) {
        record("usage:" + in + "," + cached + "," + out + "," + reasoning);
    }
    @Override public void onModel(String model) { record("model:" + model); }
    @Override public void onError(LlmException e) {
        record("error:" + e.kind() + ":" + e.status());
        error = e;
        terminals++;
    }
    @Override public void onDone() {
        record("done");
        terminals++;
    }

    private void record(String call) {
        if (terminals > 0) callAfterTerminal = true;
        calls.add(call);
    }

    /** Calls without the per-event markers, for readable expectations. */
    List<String> content() {
        return calls.stream().filter(c -> !c.equals("event")).toList();
    }

    long events() { return calls.stream().filter(c -> c.equals("event")).count(); }

    String last() { return calls.get(calls.size() - 1); }

    /** Decodes {@code body} in one piece with a fresh decoder of {@code codec}. */
    static RecordingSink decode(ProviderCodec codec, String body) {
        return decode(codec, body.getBytes(StandardCharsets.UTF_8), new int[0]);
    }

    /** Decodes {@code body} split at the given ascending offsets. */
    static RecordingSink decode(ProviderCodec codec, byte[] body, int[] splits) {
        RecordingSink sink = new RecordingSink();
        StreamDecoder d = codec.newStreamDecoder(sink);
        int from = 0;
        for (int at : splits) {
            d.feed(ByteBuffer.wrap(body, from, at - from), 1);
            from = at;
        }
        d.feed(ByteBuffer.wrap(body, from, body.length - from), 1);
        d.end(2);
        return sink;
    }
}
