package dev.llmbench.bench.path;

import dev.llmbench.bench.path.library.LibraryKind;
import dev.llmbench.bench.path.library.PathFactory;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void mapsStatusesToErrorClasses() {
        Map<String, String> headers = Map.of("retry-after-ms", "1500", "x-ratelimit-remaining-requests", "0");
        LlmException rl = Failures.fromStatus(429, "slow down", "{}", headers::get);
        assertThat(rl).isInstanceOfSatisfying(LlmException.RateLimited.class, r -> {
            assertThat(r.retryAfter()).isEqualTo(Duration.ofMillis(1500));
            assertThat(r.limitHeaders()).containsEntry("x-ratelimit-remaining-requests", "0");
        });
        assertThat(Failures.fromStatus(529, null, null, null)).isInstanceOf(LlmException.Overloaded.class);
        assertThat(Failures.fromStatus(503, null, null, null)).isInstanceOf(LlmException.Overloaded.class);
        assertThat(Failures.fromStatus(500, null, null, null)).isInstanceOf(LlmException.ServerError.class);
        assertThat(Failures.fromStatus(401, null, null, null)).isInstanceOf(LlmException.Auth.class);
        assertThat(Failures.fromStatus(403, null, null, null)).isInstanceOf(LlmException.Auth.class);
        assertThat(Failures.fromStatus(404, null, null, null)).isInstanceOf(LlmException.BadRequest.class);
    }

    @Test
    void mapsThrowables() {
        assertThat(Failures.fromThrowable(new CompletionException(new IOException("reset"))))
                .isInstanceOf(LlmException.Connection.class);
        assertThat(Failures.fromThrowable(new IllegalStateException("bad json"))).isInstanceOf(LlmException.Protocol.class);
        assertThat(Failures.fromThrowable(new java.util.concurrent.CancellationException())).isInstanceOf(LlmException.Cancelled.class);
    }

    @Test
    void targetSplitsVersionAndHidesKey() {
        PathTarget t = new PathTarget(Provider.ANTHROPIC, "https://127.0.0.1:8443/anthropic/v1/", "sk-secret", null, null, 4);
        assertThat(t.baseUrlWithoutVersion()).isEqualTo("https://127.0.0.1:8443/anthropic");
        assertThat(t.apiVersion()).isEqualTo("v1");
        assertThat(t.toString()).doesNotContain("sk-secret");
        assertThat(PathFactory.label(LibraryKind.SDK, PathVariant.TUNED)).isEqualTo("sdk-tuned");
        assertThat(PathFactory.label(LibraryKind.GENERIC, PathVariant.TUNED)).isEqualTo("generic");
    }
}
