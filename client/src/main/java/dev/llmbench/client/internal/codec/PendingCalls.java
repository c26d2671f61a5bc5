package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.internal.sse.CharView;

import java.util.Arrays;

/**
 * Holds the sink calls a reader makes while walking one event, and passes them on only once the whole event has
 * parsed: a malformed event must produce no text, usage or finish reason, only the Protocol error. Text is copied into
 * one reused char buffer; nothing is allocated per event once the buffers have grown.
 */
final class PendingCalls implements EventSink {
    private static final byte TEXT = 0;
    private static final byte THOUGHT = 1;
    private static final byte FINISH = 2;
    private static final byte MODEL = 3;
    private static final byte USAGE = 4;

    private final EventSink sink;
    private final CharView view = new CharView();
    private byte[] ops = new byte[8];
    private int[] textStart = new int[8];
    private int[] textLength = new int[8];
    private String[] strings = new String[8];
    private long[] usage = new long[32];
    private int count;
    private char[] chars = new char[256];
    private int charCount;

    PendingCalls(EventSink sink) {
        this.sink = sink;
    }

    @Override
    public void onText(CharSequence text, boolean thought, long nanoTime) {
        int op = add(thought ? THOUGHT : TEXT);
        int n = text.length();
        if (charCount + n > chars.length) chars = Arrays.copyOf(chars, Math.max(charCount + n, chars.length * 2));
        if (text instanceof CharView v) {
            v.copyTo(chars, charCount);
        } else {
            for (int i = 0; i < n; i++) chars[charCount + i] = text.charAt(i);
        }
        textStart[op] = charCount;
        textLength[op] = n;
        charCount += n;
    }

    @Override
    public void onFinish(String finishReason) { strings[add(FINISH)] = finishReason; }

    @Override
    public void onModel(String model) { strings[add(MODEL)] = model; }

    @Override
    public void onUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens) {
        int op = add(USAGE);
        usage[op * 4] = inputTokens;
        usage[op * 4 + 1] = cachedInputTokens;
        usage[op * 4 + 2] = outputTokens;
        usage[op * 4 + 3] = reasoningTokens;
    }

    /** Passes the held calls on, in order, stamped {@code nanoTime}, and forgets them. */
    void flush(long nanoTime) {
        for (int i = 0; i < count; i++) {
            switch (ops[i]) {
                case TEXT, THOUGHT -> sink.onText(view.set(chars, textStart[i], textLength[i]), ops[i] == THOUGHT, nanoTime);
                case FINISH -> sink.onFinish(strings[i]);
                case MODEL -> sink.onModel(strings[i]);
                case USAGE -> sink.onUsage(usage[i * 4], usage[i * 4 + 1], usage[i * 4 + 2], usage[i * 4 + 3]);
                default -> throw new IllegalStateException("unknown op " + ops[i]);
            }
        }
        clear();
    }

    /** Drops the held calls (the event was malformed). */
    void clear() {
        for (int i = 0; i < count; i++) strings[i] = null;
        count = 0;
        charCount = 0;
    }

    private int add(byte op) {
        if (count == ops.length) {
            int n = count * 2;
            ops = Arrays.copyOf(ops, n);
            textStart = Arrays.copyOf(textStart, n);
            textLength = Arrays.copyOf(textLength, n);
            strings = Arrays.copyOf(strings, n);
            usage = Arrays.copyOf(usage, n * 4);
        }
        ops[count] = op;
        return count++;
    }

    // Readers only report content; the decoder itself makes these calls on the real sink.
    @Override
    public void onEvent(long nanoTime) { throw new UnsupportedOperationException(); }

    @Override
    public void onComment(CharSequence comment, long nanoTime) { throw new UnsupportedOperationException(); }

    @Override
    public void onError(LlmException error) { throw new UnsupportedOperationException(); }

    @Override
    public void onDone() { throw new UnsupportedOperationException(); }
}
