package dev.llmbench.bench.jmh;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.internal.codec.EventSink;

/**
 * The cheapest honest sink: counts events and content characters (so the decoder's work is consumed) and fails on
 * an error event, which would mean the fixture, not the decoder, is being measured.
 */
final class CountingSink implements EventSink {
    long events;
    long chars;
    boolean done;

    @Override public void onEvent(long nanoTime) { events++; }
    @Override public void onText(CharSequence text, boolean thought, long nanoTime) { chars += text.length(); }
    @Override public void onComment(CharSequence comment, long nanoTime) {}
    @Override public void onFinish(String finishReason) {}
    @Override public void onUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens) {}
    @Override public void onModel(String model) {}
    @Override public void onError(LlmException error) { throw new IllegalStateException("decoder reported " + error, error); }
    @Override public void onDone() { done = true; }
}
