package dev.llmbench.client.retry;

import dev.llmbench.client.LlmException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {
    private static final RetryPolicy POLICY = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

    static LlmException.RateLimited rateLimited(Duration retryAfter) {
        return new LlmException.RateLimited("rate limited", 429, "{}", retryAfter, null);
    }

    @Test
    void noneNeverRetries() {
        assertThat(RetryPolicy.none().nextDelay(1, rateLimited(null), false, 0.5)).isEmpty();
    }

    @Test
    void defaultsRetryTwiceLikeTheSdks() {
        RetryPolicy d = RetryPolicy.defaults();
        assertThat(d.nextDelay(1, rateLimited(null), false, 0.5)).isPresent();
        assertThat(d.nextDelay(2, rateLimited(null), false, 0.5)).isPresent();
        assertThat(d.nextDelay(3, rateLimited(null), false, 0.5)).isEmpty();
    }

    @Test
    void retriesTransientErrorClassesOnly() {
        assertThat(RetryPolicy.isRetryable(rateLimited(null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LlmException.Overloaded("529", 529, null, null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LlmException.ServerError("500", 500, null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LlmException.Connection("reset", null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LlmException.BadRequest("408", 408, null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LlmException.BadRequest("409", 409, null))).isTrue();
        assertThat(RetryPolicy.isRetryable(new LlmException.Timeout(LlmException.Timeout.Phase.CONNECT, Duration.ofSeconds(1)))).isTrue();

        assertThat(RetryPolicy.isRetryable(new LlmException.BadRequest("400", 400, null))).isFalse();
        assertThat(RetryPolicy.isRetryable(new LlmException.Auth("401", 401, null))).isFalse();
        assertThat(RetryPolicy.isRetryable(new LlmException.Protocol("truncated", 200, null))).isFalse();
        assertThat(RetryPolicy.isRetryable(new LlmException.Timeout(LlmException.Timeout.Phase.IDLE, Duration.ofSeconds(1)))).isFalse();
        assertThat(RetryPolicy.isRetryable(new LlmException.Cancelled())).isFalse();
        assertThat(RetryPolicy.isRetryable(new IllegalStateException())).isFalse();
    }

    @Test
    void neverRetriesOnceTokensReachedTheCaller() {
        assertThat(POLICY.nextDelay(1, new LlmException.Connection("reset mid-stream", null), true, 0.5)).isEmpty();
        assertThat(POLICY.nextDelay(1, new LlmException.Overloaded("overloaded event", 200, null, null), true, 0.5)).isEmpty();
    }

    @Test
    void honoursRetryAfterExactly() {
        assertThat(POLICY.nextDelay(1, rateLimited(Duration.ofMillis(644)), false, 0.99)).contains(Duration.ofMillis(644));
        assertThat(POLICY.nextDelay(1, new LlmException.Overloaded("529", 529, null, Duration.ofSeconds(2)), false, 0.0))
                .contains(Duration.ofSeconds(2));
        // Honoured even above maxDelay (the server knows best) ...
        assertThat(POLICY.nextDelay(1, rateLimited(Duration.ofSeconds(20)), false, 0.5)).contains(Duration.ofSeconds(20));
        // ... but a wait beyond maxRetryAfter (a daily quota) ends the retries.
        assertThat(POLICY.nextDelay(1, rateLimited(Duration.ofHours(1)), false, 0.5)).isEmpty();
    }

    @Test
    void backoffIsExponentialWithFullJitterAndCapped() {
        assertThat(POLICY.backoff(1, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(POLICY.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(50));
        assertThat(POLICY.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(100));
        assertThat(POLICY.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(POLICY.backoff(10, 0.5)).isEqualTo(Duration.ofMillis(500)); // capped at 1 s before jitter
        assertThat(POLICY.backoff(200, 1.0)).isLessThan(Duration.ofSeconds(1));
        Optional<Duration> d = POLICY.nextDelay(2, new LlmException.ServerError("502", 502, null), false, 0.25);
        assertThat(d).contains(Duration.ofMillis(50));
    }
}
