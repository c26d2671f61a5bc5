package dev.llmbench.bench.load;

import dev.llmbench.bench.path.CallTiming;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.Usage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A session without network: each request "takes" {@code serviceMillis}, then completes with what {@code outcome}
 * says for its sequence number (a response with 10 output tokens when it returns null, else that failure).
 */
public final class FakeSession implements PathSession {
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final long serviceMillis;
    private final IntFunction<Throwable> outcome;
    private final AtomicInteger seq = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** The {@code x-request-id} header of every request, in the order they were started ("" if absent). */
    public final java.util.Queue<String> requestIds = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public FakeSession(long serviceMillis, IntFunction<Throwable> outcome) {
        this.serviceMillis = serviceMillis;
        this.outcome = outcome;
    }

    @Override
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
        int n = seq.getAndIncrement();
        requestIds.add(request.headers().getOrDefault("x-request-id", ""));
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        CallTiming timing = new CallTiming();
        timing.markSend(System.nanoTime());
        CompletableFuture<ChatResponse> f = new CompletableFuture<>();
        timer.schedule(() -> {
            inFlight.decrementAndGet();
            Throwable t = outcome.apply(n);
            if (t != null) {
                f.completeExceptionally(t);
                return;
            }
            long now = System.nanoTime();
            timing.markHeaders(now);
            for (int i = 0; i < 3; i++) timing.markToken(now + i * 1_000, false);
            timing.markEnd(now + 3_000);
            f.complete(new ChatResponse(Provider.OPENAI, "m", "abc", "", "stop", new Usage(5, 0, 10, 0, true), timing, "h2", false));
        }, serviceMillis, TimeUnit.MILLISECONDS);
        return f;
    }

    @Override
    public void close() { timer.shutdownNow(); }
}
