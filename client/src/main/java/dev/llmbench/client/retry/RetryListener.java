package dev.llmbench.client.retry;

import java.time.Duration;

/** Told about each retry before its wait starts. Called on the thread that saw the failure: be quick. */
@FunctionalInterface
public interface RetryListener {

    /**
     * @param attempt the attempt about to be made (2 for the first retry)
     * @param failure the failure that caused it
     * @param delay   the wait before it
     */
    void onRetry(int attempt, Throwable failure, Duration delay);

    RetryListener NONE = (attempt, failure, delay) -> {};
}
