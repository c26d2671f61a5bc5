package dev.llmbench.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Runs an asynchronous attempt again under a {@link RetryPolicy}, waiting on a {@link RetryScheduler} (no thread is
 * held while waiting). The returned future completes with the first success, or fails with the last attempt's
 * failure (unwrapped, e.g. the {@code LlmException}). Cancelling it cancels the attempt in flight and stops retrying.
 *
 * <p>Each attempt should take its own concurrency permit and release it with the attempt's outcome, so a 429 shrinks
 * the AIMD window before the retry queues for a new permit.
 */
public final class Retrying {
    private final RetryPolicy policy;
    private final RetryScheduler scheduler;
    private final RetryListener listener;
    private final DoubleSupplier random;

    public Retrying(RetryPolicy policy, RetryScheduler scheduler, RetryListener listener, DoubleSupplier random) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.listener = listener == null ? RetryListener.NONE : listener;
        this.random = Objects.requireNonNull(random, "random");
    }

    public Retrying(RetryPolicy policy, RetryScheduler scheduler, RetryListener listener) {
        this(policy, scheduler, listener, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** One-shot form for a call whose result reaches the caller only on completion (non-streaming). */
    public static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> attempt, RetryPolicy policy,
                                                RetryScheduler scheduler, RetryListener onRetry) {
        return new Retrying(policy, scheduler, onRetry).call(attempt);
    }

    /** Retries {@code attempt}; nothing of a failed attempt is assumed to have reached the caller. */
    public <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> attempt) {
        return call(attempt, () -> false);
    }

    /**
     * Retries {@code attempt} unless {@code delivered} reports that part of the response already reached the caller
     * (for streams: the listener got {@code onOpen} or a token). Checked after each failure.
     */
    public <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> attempt, BooleanSupplier delivered) {
        Call<T> c = new Call<>(attempt, delivered);
        c.start();
        return c.result;
    }

    public RetryPolicy policy() { return policy; }

    private final class Call<T> {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final Supplier<CompletableFuture<T>> attempt;
        final BooleanSupplier delivered;
        volatile CompletableFuture<T> current;
        int attempts; // written by one attempt at a time, each start() happens-after the previous failure

        Call(Supplier<CompletableFuture<T>> attempt, BooleanSupplier delivered) {
            this.attempt = Objects.requireNonNull(attempt, "attempt");
            this.delivered = Objects.requireNonNull(delivered, "delivered");
            result.whenComplete((v, e) -> {
                CompletableFuture<T> c = current;
                if (result.isCancelled() && c != null) c.cancel(true);
            });
        }

        void start() {
            if (result.isDone()) return;
            attempts++;
            CompletableFuture<T> f;
            try {
                f = Objects.requireNonNull(attempt.get(), "attempt returned null");
            } catch (Throwable t) {
                f = CompletableFuture.failedFuture(t);
            }
            current = f;
            if (result.isCancelled()) f.cancel(true);
            f.whenComplete(this::onAttempt);
        }

        void onAttempt(T value, Throwable failure) {
            if (result.isDone()) return;
            if (failure == null) {
                result.complete(value);
                return;
            }
            Throwable cause = RetryPolicy.unwrap(failure);
            Optional<Duration> delay = policy.nextDelay(attempts, cause, delivered.getAsBoolean(), random.getAsDouble());
            if (delay.isEmpty()) {
                result.completeExceptionally(cause);
                return;
            }
            listener.onRetry(attempts + 1, cause, delay.get());
            scheduler.schedule(this::start, delay.get().toNanos());
        }
    }
}
