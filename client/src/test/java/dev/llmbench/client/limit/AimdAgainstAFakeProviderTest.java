package dev.llmbench.client.limit;

import dev.llmbench.client.LlmException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deterministic single-threaded simulation: a provider that answers 429 whenever more than {@code capacity}
 * requests of this client are in flight, and a closed loop of requests through a {@link Limiter}. The AIMD window
 * must settle around the provider's capacity and lose far fewer requests than a fixed window of 32.
 */
class AimdAgainstAFakeProviderTest {

    static final class FakeProvider {
        final int capacity;
        final Deque<Runnable> processing = new ArrayDeque<>();
        int inFlight;
        int rejected;

        FakeProvider(int capacity) { this.capacity = capacity; }

        CompletableFuture<String> send() {
            if (inFlight >= capacity) {
                rejected++;
                return CompletableFuture.failedFuture(new LlmException.RateLimited("429", 429, null, null, null));
            }
            inFlight++;
            CompletableFuture<String> f = new CompletableFuture<>();
            processing.add(() -> {
                inFlight--;
                f.complete("ok");
            });
            return f;
        }
    }

    record Run(int rejected, int succeeded, List<Integer> windows) {}

    static Run run(Limiter limiter, int capacity, int requests) {
        FakeProvider provider = new FakeProvider(capacity);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            all.add(limiter.acquire().thenCompose(p -> provider.send().whenComplete((r, e) -> p.release(e))));
        }
        List<Integer> windows = new ArrayList<>();
        Runnable next;
        while ((next = provider.processing.poll()) != null) {
            next.run(); // one response arrives; its permit goes to the next queued request
            windows.add(limiter.limit());
        }
        int ok = (int) all.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertThat(all).allMatch(CompletableFuture::isDone);
        assertThat(limiter.inFlight()).isZero();
        return new Run(provider.rejected, ok, windows);
    }

    @Test
    void aimdSettlesNearTheProvidersCapacity() {
        int capacity = 10;
        Run aimd = run(Limiter.aimd(32), capacity, 2000);
        Run fixed = run(Limiter.fixed(32), capacity, 2000);

        assertThat(aimd.rejected() + aimd.succeeded()).isEqualTo(2000);
        assertThat(aimd.rejected()).as("the window only learns from 429s").isPositive();
        assertThat(aimd.rejected()).as("AIMD %s vs fixed %s", aimd.rejected(), fixed.rejected())
                .isLessThan(fixed.rejected() / 4);
        // After the first storms the window oscillates between about capacity/2 and 2 x capacity (sawtooth).
        List<Integer> late = aimd.windows().subList(aimd.windows().size() / 2, aimd.windows().size());
        assertThat(late).allMatch(w -> w >= 4 && w <= 2 * capacity);
        assertThat(late).anyMatch(w -> w >= capacity);
    }
}
