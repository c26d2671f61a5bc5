package dev.llmbench.client;

import dev.llmbench.client.limit.Outcome;

import java.time.Duration;

/**
 * Observes what a client does around its requests: concurrency permits, the per-key windows and retries (the stream
 * itself goes to the {@link StreamListener} of each request). Modelled on OkHttp's {@code EventListener}: every method
 * has a no-op default, so an implementation overrides only what it needs. Register one with
 * {@link LlmClient.Builder#listener(ClientListener)}.
 *
 * <p>Methods are called on the thread where the event happened (a transport thread, the client's timer thread or the
 * caller's), possibly from several threads at once: be thread-safe, return quickly, never block. An exception thrown
 * by a method is caught and dropped, so it cannot break a request. With {@link #NONE}, the default, the client makes no
 * calls and allocates nothing for them.
 *
 * <p>Keys are identified by their index in the provider's key list (position in {@code apiKey(provider, "k0,k1")} or
 * the environment variable), never by the key. A provider without a key has one window, index 0.
 */
public interface ClientListener {

    /**
     * An attempt (the first send of a request or a retry) got a permit of key {@code keyIndex}'s window and is about to
     * be sent. Not called for requests served from the cache.
     *
     * @param inFlight    permits of that key held once this one was granted, this one included
     * @param queuedNanos how long the attempt waited for the permit, 0 when it was granted at once
     */
    default void onPermitAcquired(Provider provider, int keyIndex, int inFlight, long queuedNanos) {}

    /**
     * The attempt that held a permit of key {@code keyIndex} ended and gave it back; {@code outcome} is what the window
     * was told. Called once for every {@link #onPermitAcquired}, before the attempt's future completes.
     */
    default void onPermitReleased(Provider provider, int keyIndex, Outcome outcome) {}

    /**
     * The concurrency window of key {@code keyIndex} changed from {@code oldLimit} to {@code newLimit} (e.g. an
     * {@link dev.llmbench.client.limit.AimdLimit} grew after a success or halved after a 429). Called on the thread
     * whose outcome changed it, before queued attempts are let into a grown window.
     *
     * @param inFlight permits of that key held at the change
     */
    default void onWindowChange(Provider provider, int keyIndex, int oldLimit, int newLimit, int inFlight) {}

    /**
     * A failed attempt will be retried after {@code delay} (the same retries the builder's
     * {@link dev.llmbench.client.retry.RetryListener} hears, here with the provider). Called before the wait starts.
     *
     * @param attempt the attempt about to be made (2 for the first retry)
     * @param failure the failure of the attempt before it
     */
    default void onRetry(Provider provider, int attempt, Throwable failure, Duration delay) {}

    /** Hears nothing; the default. */
    ClientListener NONE = new ClientListener() {};
}
