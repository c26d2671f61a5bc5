package dev.llmbench.client.internal;

import dev.llmbench.client.ClientListener;
import dev.llmbench.client.Provider;
import dev.llmbench.client.limit.KeyRing;
import dev.llmbench.client.limit.Limiter;
import dev.llmbench.client.limit.Outcome;
import dev.llmbench.client.retry.RetryListener;

import java.time.Duration;

/**
 * The client's {@link ClientListener} bound to one provider: calls it with the provider filled in and drops whatever
 * it throws, so a faulty listener cannot break a request (these calls sit inside permit releases and retries). Made
 * only when a listener other than {@link ClientListener#NONE} is registered.
 */
final class ProviderEvents implements RetryListener {
    private final Provider provider;
    private final ClientListener listener;
    private final RetryListener retryListener;

    /** @param retryListener the builder's retry listener, told about each retry first */
    ProviderEvents(Provider provider, ClientListener listener, RetryListener retryListener) {
        this.provider = provider;
        this.listener = listener;
        this.retryListener = retryListener;
    }

    /** Reports every window change of {@code ring}'s keys. */
    void observe(KeyRing ring) {
        for (int i = 0; i < ring.windows(); i++) {
            int key = i;
            ring.limiter(i).addListener(new Limiter.WindowListener() {
                @Override
                public void onWindow(long nanoTime, int limit, int inFlight) {}

                @Override
                public void onWindowChange(long nanoTime, int oldLimit, int newLimit, int inFlight) {
                    try {
                        listener.onWindowChange(provider, key, oldLimit, newLimit, inFlight);
                    } catch (RuntimeException ignored) {
                        // the listener's fault must not stop the release that changed the window
                    }
                }
            });
        }
    }

    void permitAcquired(int keyIndex, int inFlight, long queuedNanos) {
        try {
            listener.onPermitAcquired(provider, keyIndex, inFlight, queuedNanos);
        } catch (RuntimeException ignored) {
            // see observe
        }
    }

    /** Releases {@code lease} with the outcome of {@code failure} (null: success) and reports it if it was held. */
    void release(KeyRing.Lease lease, Throwable failure) {
        Outcome outcome = Outcome.of(failure);
        if (!lease.release(outcome)) return;
        try {
            listener.onPermitReleased(provider, lease.keyIndex(), outcome);
        } catch (RuntimeException ignored) {
            // see observe
        }
    }

    @Override
    public void onRetry(int attempt, Throwable failure, Duration delay) {
        retryListener.onRetry(attempt, failure, delay);
        try {
            listener.onRetry(provider, attempt, failure, delay);
        } catch (RuntimeException ignored) {
            // see observe
        }
    }
}
