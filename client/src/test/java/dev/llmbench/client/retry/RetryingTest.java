package dev.llmbench.client.retry;

import dev.llmbench.client.LlmException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingTest {

    /** A fake clock: tasks run only when the test advances it; delays are recorded. */
    static final class FakeScheduler implements RetryScheduler {
        final List<Long> delays = new ArrayList<>();
        final Deque<Runnable> pending = new ArrayDeque<>();

        @Override public void schedule(Runnable task, long delayNanos) {
            delays.add(delayNanos);
            pending.add(task);
        }

        void runAll() {
            Runnable r;
            while ((r = pending.poll()) != null) r.run();
        }
    }

    private final FakeScheduler scheduler = new FakeScheduler();
    private final RetryCounter counter = new RetryCounter();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final Retrying retrying = new Retrying(policy, scheduler, counter, () -> 0.5);

    @Test
    void retriesRateLimitsHonouringRetryAfterThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = retrying.call(() -> attempts.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new LlmException.RateLimited("429", 429, null, Duration.ofMillis(644), null))
                : CompletableFuture.completedFuture("ok"));
        assertThat(result).isNotDone();
        scheduler.runAll();
        assertThat(result.join()).isEqualTo("ok");
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(scheduler.delays).containsExactly(644_000_000L, 644_000_000L);
        assertThat(counter.total()).isEqualTo(2);
        assertThat(counter.count(LlmException.Kind.RATE_LIMITED)).isEqualTo(2);
    }

    @Test
    void usesJitteredBackoffWithoutRetryAfter() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = retrying.call(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new LlmException.ServerError("503", 503, null));
        });
        scheduler.runAll();
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(scheduler.delays).containsExactly(50_000_000L, 100_000_000L); // 0.5 x 100 ms, 0.5 x 200 ms
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(LlmException.ServerError.class);
    }

    @Test
    void neverRetriesAfterTheFirstTokenWasDelivered() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean delivered = new AtomicBoolean();
        LlmException reset = new LlmException.Connection("stream reset", null);
        CompletableFuture<String> result = retrying.call(() -> {
            attempts.incrementAndGet();
            delivered.set(true); // the listener got a token before the reset
            return CompletableFuture.failedFuture(reset);
        }, delivered::get);
        scheduler.runAll();
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(scheduler.delays).isEmpty();
        assertThatThrownBy(result::join).hasCause(reset);
        assertThat(counter.total()).isZero();
    }

    @Test
    void doesNotRetryPermanentErrors() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = retrying.call(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new LlmException.Auth("401", 401, null));
        });
        assertThat(attempts.get()).isEqualTo(1);
        assertThatThrownBy(result::join).hasCauseInstanceOf(LlmException.Auth.class);
    }

    @Test
    void aThrowingAttemptCountsAsAFailedAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = retrying.call(() -> {
            if (attempts.incrementAndGet() == 1) throw new LlmException.Connection("refused", null);
            return CompletableFuture.completedFuture("second");
        });
        scheduler.runAll();
        assertThat(result.join()).isEqualTo("second");
    }

    @Test
    void cancellingStopsRetryingAndCancelsTheAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        List<CompletableFuture<String>> made = new ArrayList<>();
        CompletableFuture<String> result = retrying.call(() -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            made.add(f);
            if (attempts.incrementAndGet() == 1) f.completeExceptionally(new LlmException.Overloaded("529", 529, null, null));
            return f;
        });
        scheduler.runAll(); // second attempt now in flight
        assertThat(made).hasSize(2);
        result.cancel(true);
        assertThat(made.get(1)).isCancelled();
        scheduler.runAll();
        assertThat(attempts.get()).isEqualTo(2);
    }

    @Test
    void noneRunsExactlyOnce() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = Retrying.call(() -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new LlmException.RateLimited("429", 429, null, null, null));
        }, RetryPolicy.none(), scheduler, RetryListener.NONE);
        scheduler.runAll();
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(result).isCompletedExceptionally();
    }
}
