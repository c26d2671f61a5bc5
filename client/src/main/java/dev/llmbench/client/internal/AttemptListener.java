package dev.llmbench.client.internal;

import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.StreamListener;

/**
 * The caller's listener as one attempt of a retried request sees it: events pass through, failures do not (the
 * retry loop reports only the final one), and it remembers whether anything reached the caller, after which the
 * request must not be replayed.
 */
final class AttemptListener implements StreamListener {
    private final StreamListener caller;
    private volatile boolean delivered;

    AttemptListener(StreamListener caller) { this.caller = caller; }

    boolean delivered() { return delivered; }

    @Override
    public void onOpen(int status, String protocol, long nanoTime) {
        delivered = true;
        caller.onOpen(status, protocol, nanoTime);
    }

    @Override
    public void onToken(CharSequence text, boolean thought, long nanoTime) {
        delivered = true;
        caller.onToken(text, thought, nanoTime);
    }

    @Override
    public void onComment(CharSequence comment, long nanoTime) { caller.onComment(comment, nanoTime); }

    @Override
    public void onComplete(ChatResponse response) { caller.onComplete(response); }

    @Override
    public void onError(LlmException error) {}
}
