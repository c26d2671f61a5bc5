package dev.llmbench.client;

import dev.llmbench.client.internal.DefaultLlmClient;
import dev.llmbench.client.limit.AimdLimit;
import dev.llmbench.client.limit.FixedLimit;
import dev.llmbench.client.limit.KeyRing;
import dev.llmbench.client.retry.RetryCounter;
import dev.llmbench.client.retry.RetryPolicy;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's own concurrency windows, key rotation and retries, end to end against the simulator. */
class ClientLimitsAndRetriesTest {
    /** zero profile with 50 ms per request and a per-key cap of 4 concurrent requests (429 beyond). */
    private static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().defaultProfile("zero").set("zero.latency.medianMs", "50").set("zero.limit.concurrency", "4").start();
    }

    @AfterAll
    static void stop() { sim.close(); }

    private static LlmClient.Builder client() {
        return SimulatorFixture.builder(sim, Simulator.Listener.HTTP, "zero").transport(TransportKind.OKHTTP_H1);
    }

    private static ChatRequest request() { return ChatRequest.of("gpt-4.1-nano", "hi").withMaxTokens(4); }

    @Test
    void a429StormDrivesTheAimdWindowDownAndSuccessesBringItBackUp() throws Exception {
        List<AimdLimit> limits = new CopyOnWriteArrayList<>();
        List<Integer> changes = new CopyOnWriteArrayList<>();
        try (LlmClient c = client().concurrencyLimit(() -> {
            AimdLimit l = AimdLimit.builder().min(2).max(16).build();
            l.addListener((o, n) -> changes.add(n));
            limits.add(l);
            return l;
        }).build()) {
            // 32 at once against a cap of 4: the window (16) lets 16 out, 12 of them get 429s and halve it.
            List<CompletableFuture<ChatResponse>> storm = new ArrayList<>();
            for (int i = 0; i < 32; i++) storm.add(c.stream(request(), StreamListener.NONE));
            int limited = 0;
            for (CompletableFuture<ChatResponse> f : storm) {
                try {
                    f.get(20, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(LlmException.RateLimited.class);
                    limited++;
                }
            }
            assertThat(limited).isPositive();
            assertThat(limits).hasSize(1);
            int low = changes.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(low).as("halved towards the floor").isLessThan(8);

            // Then load the server within its cap: successes (while the window is in use) grow it again.
            for (int wave = 0; wave < 10; wave++) {
                List<CompletableFuture<ChatResponse>> ok = new ArrayList<>();
                for (int i = 0; i < Math.min(3, limits.get(0).limit()); i++) ok.add(c.stream(request(), StreamListener.NONE));
                for (CompletableFuture<ChatResponse> f : ok) f.get(20, TimeUnit.SECONDS);
            }
            int lowAt = changes.indexOf(low);
            assertThat(changes.subList(lowAt, changes.size())).as("after the low of %d: %s", low, changes).anySatisfy(w -> assertThat(w).isGreaterThan(low));
            assertThat(limits.get(0).limit()).isGreaterThan(low);
        }
    }

    @Test
    void requestsBeyondTheWindowWaitInsideTheClientAndNeverHitTheCap() throws Exception {
        // 3, not 4: the server frees a slot just after its last byte, so a back-to-back successor could still see 4
        try (DefaultLlmClient c = (DefaultLlmClient) client().concurrencyLimit(() -> new FixedLimit(3)).build()) {
            List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
            for (int i = 0; i < 24; i++) all.add(c.stream(request(), StreamListener.NONE));
            KeyRing ring = c.keyRing(Provider.OPENAI).orElseThrow();
            assertThat(ring.limiter(0).inFlight()).isLessThanOrEqualTo(3);
            assertThat(ring.limiter(0).waiting()).isPositive();
            for (CompletableFuture<ChatResponse> f : all) assertThat(f.get(20, TimeUnit.SECONDS).text()).isNotEmpty(); // no 429
            assertThat(ring.limiter(0).inFlight()).isZero();
        }
    }

    @Test
    void nKeysGiveNWindowsRoundRobin() throws Exception {
        try (DefaultLlmClient c = (DefaultLlmClient) client().apiKey(Provider.OPENAI, "sk-sim-a-0123456789,sk-sim-b-0123456789")
                .concurrencyLimit(() -> new FixedLimit(3)).build()) {
            // stalled requests hold their permits, so the windows can be read without racing completions
            List<CompletableFuture<ChatResponse>> stalled = new ArrayList<>();
            for (int i = 0; i < 7; i++) stalled.add(c.stream(request().withHeader("x-sim-fault", "stall-first-byte"), StreamListener.NONE));
            KeyRing ring = c.keyRing(Provider.OPENAI).orElseThrow();
            assertThat(ring.windows()).isEqualTo(2);
            assertThat(ring.limiter(0).inFlight()).isEqualTo(3);
            assertThat(ring.limiter(1).inFlight()).isEqualTo(3);
            assertThat(ring.limiter(0).waiting() + ring.limiter(1).waiting()).isEqualTo(1);
            assertThat(ring.toString()).doesNotContain("sk-sim");
            stalled.forEach(f -> f.cancel(true));
            assertThat(ring.limiter(0).inFlight() + ring.limiter(1).inFlight()).isZero();
            // and then 6 at once, 3 per key, stay within the simulator's per-key cap of 4: nothing is refused
            List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) all.add(c.stream(request(), StreamListener.NONE));
            for (CompletableFuture<ChatResponse> f : all) assertThat(f.get(20, TimeUnit.SECONDS).text()).isNotEmpty();
        }
    }

    @Test
    void aQueuedRequestCanBeCancelledAndCloseEndsTheQueue() throws Exception {
        LlmClient c = client().concurrencyLimit(() -> new FixedLimit(1)).build();
        CompletableFuture<ChatResponse> first = c.stream(request(), StreamListener.NONE);
        CompletableFuture<ChatResponse> queued = c.stream(request(), StreamListener.NONE);
        CompletableFuture<ChatResponse> last = c.stream(request(), StreamListener.NONE);
        assertThat(queued.cancel(true)).isTrue();
        first.get(20, TimeUnit.SECONDS);
        last.get(20, TimeUnit.SECONDS); // the cancelled one gave its turn away
        CompletableFuture<ChatResponse> a = c.stream(request(), StreamListener.NONE);
        CompletableFuture<ChatResponse> b = c.stream(request(), StreamListener.NONE);
        c.close();
        assertThatThrownBy(() -> b.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(LlmException.Cancelled.class);
        assertThat(a).isDone();
    }

    @Test
    void retriesAreCountedAndTheListenerHearsOnlyTheFinalFailure() throws Exception {
        RetryCounter counter = new RetryCounter();
        AtomicInteger errors = new AtomicInteger();
        try (LlmClient c = client().retryPolicy(RetryPolicy.retries(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .retryListener(counter).build()) {
            CompletableFuture<ChatResponse> f = c.stream(request().withHeader("x-sim-fault", "http-500"), new StreamListener() {
                @Override public void onError(LlmException error) { errors.incrementAndGet(); }
            });
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(LlmException.ServerError.class);
            assertThat(counter.total()).isEqualTo(2);
            assertThat(counter.count(LlmException.Kind.SERVER_ERROR)).isEqualTo(2);
            assertThat(errors).hasValue(1);
            // a request that succeeds is not retried
            c.stream(request(), StreamListener.NONE).get(20, TimeUnit.SECONDS);
            assertThat(counter.total()).isEqualTo(2);
        }
    }

    @Test
    void aStreamThatAlreadyDeliveredTokensIsNeverReplayed() {
        RetryCounter counter = new RetryCounter();
        AtomicInteger tokens = new AtomicInteger();
        try (LlmClient c = client().retryPolicy(RetryPolicy.retries(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .retryListener(counter).build()) {
            CompletableFuture<ChatResponse> f = c.stream(ChatRequest.of("gpt-4.1-nano", "hi").withMaxTokens(40)
                    .withHeader("x-sim-fault", "reset-mid-stream"), new StreamListener() {
                @Override public void onToken(CharSequence text, boolean thought, long nanoTime) { tokens.incrementAndGet(); }
            });
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(LlmException.class);
            assertThat(tokens.get()).as("tokens reached the caller before the reset").isPositive();
            assertThat(counter.total()).as("so the request is not replayed").isZero();
        }
    }

    @Test
    void retriesAreOnByDefaultForUsers() {
        assertThat(LlmClient.builder().config().retryPolicy()).isEqualTo(RetryPolicy.defaults());
        assertThat(LlmClient.builder().config().limitPerKey()).isNull();
        assertThat(LlmClient.builder().maxConcurrency(24).aimd().config().limitPerKey().get().limit()).isEqualTo(24);
    }
}
