package dev.llmbench.client;

import dev.llmbench.client.limit.AimdLimit;
import dev.llmbench.client.limit.FixedLimit;
import dev.llmbench.client.limit.Outcome;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a {@link ClientListener} hears: permits, window changes and retries, end to end against the simulator. */
class ClientListenerTest {
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

    record Acquired(Provider provider, int key, int inFlight, long queuedNanos) {}
    record Released(Provider provider, int key, Outcome outcome) {}
    record Window(Provider provider, int key, int oldLimit, int newLimit, int inFlight) {}
    record Retry(Provider provider, int attempt, Throwable failure, Duration delay) {}

    /** Keeps everything it hears. */
    static final class Recorder implements ClientListener {
        final List<Acquired> acquired = new CopyOnWriteArrayList<>();
        final List<Released> released = new CopyOnWriteArrayList<>();
        final List<Window> windows = new CopyOnWriteArrayList<>();
        final List<Retry> retries = new CopyOnWriteArrayList<>();

        @Override public void onPermitAcquired(Provider p, int key, int inFlight, long queuedNanos) { acquired.add(new Acquired(p, key, inFlight, queuedNanos)); }
        @Override public void onPermitReleased(Provider p, int key, Outcome outcome) { released.add(new Released(p, key, outcome)); }
        @Override public void onWindowChange(Provider p, int key, int oldLimit, int newLimit, int inFlight) { windows.add(new Window(p, key, oldLimit, newLimit, inFlight)); }
        @Override public void onRetry(Provider p, int attempt, Throwable failure, Duration delay) { retries.add(new Retry(p, attempt, failure, delay)); }
    }

    @Test
    void everyPermitIsReportedOnceAcquiredAndOnceReleasedAndQueuedOnesSayHowLongTheyWaited() throws Exception {
        Recorder r = new Recorder();
        try (LlmClient c = client().concurrencyLimit(() -> new FixedLimit(1)).listener(r).build()) {
            List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
            for (int i = 0; i < 3; i++) all.add(c.stream(request(), StreamListener.NONE));
            for (CompletableFuture<ChatResponse> f : all) f.get(20, TimeUnit.SECONDS);
        }
        assertThat(r.acquired).hasSize(3).allSatisfy(a -> {
            assertThat(a.provider()).isEqualTo(Provider.OPENAI);
            assertThat(a.key()).isZero();
            assertThat(a.inFlight()).isEqualTo(1);
        });
        assertThat(r.acquired.get(0).queuedNanos()).isZero();
        assertThat(r.acquired.subList(1, 3)).allSatisfy(a -> assertThat(a.queuedNanos())
                .as("waited for the one before (50 ms each)").isGreaterThan(TimeUnit.MILLISECONDS.toNanos(20)));
        assertThat(r.released).containsExactly(new Released(Provider.OPENAI, 0, Outcome.SUCCESS),
                new Released(Provider.OPENAI, 0, Outcome.SUCCESS), new Released(Provider.OPENAI, 0, Outcome.SUCCESS));
        assertThat(r.windows).as("a fixed window never changes").isEmpty();
    }

    @Test
    void windowChangesArriveWithTheKeyTheOldAndNewLimitAndTheInFlightOfThatKey() throws Exception {
        Recorder r = new Recorder();
        List<Integer> ownChanges = new CopyOnWriteArrayList<>();
        try (LlmClient c = client().apiKey(Provider.OPENAI, "sk-sim-a-0123456789,sk-sim-b-0123456789").concurrencyLimit(() -> {
            AimdLimit l = AimdLimit.builder().min(2).max(16).build();
            l.addListener((o, n) -> ownChanges.add(n));
            return l;
        }).listener(r).build()) {
            // 48 at once against a cap of 4 per key: each window (16) lets 16 out, most get 429s and halve it
            List<CompletableFuture<ChatResponse>> storm = new ArrayList<>();
            for (int i = 0; i < 48; i++) storm.add(c.stream(request(), StreamListener.NONE));
            for (CompletableFuture<ChatResponse> f : storm) {
                try {
                    f.get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(LlmException.RateLimited.class);
                }
            }
        }
        assertThat(r.windows).isNotEmpty();
        assertThat(r.windows.stream().map(Window::newLimit).sorted().toList())
                .as("the same changes the limits report themselves").isEqualTo(ownChanges.stream().sorted().toList());
        assertThat(r.windows).allSatisfy(w -> {
            assertThat(w.provider()).isEqualTo(Provider.OPENAI);
            assertThat(w.key()).isBetween(0, 1);
            assertThat(w.newLimit()).isNotEqualTo(w.oldLimit());
            assertThat(w.inFlight()).isBetween(0, 16);
        });
        assertThat(r.windows).anySatisfy(w -> assertThat(w.newLimit()).isLessThan(w.oldLimit()));
        assertThat(r.acquired.stream().map(Acquired::key).distinct()).containsExactlyInAnyOrder(0, 1);
        assertThat(r.released).hasSameSizeAs(r.acquired);
        assertThat(r.released).anySatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.DROPPED));
        for (int key = 0; key < 2; key++) {
            int k = key;
            assertThat(r.released.stream().filter(x -> x.key() == k).count())
                    .isEqualTo(r.acquired.stream().filter(a -> a.key() == k).count());
        }
    }

    @Test
    void retriesAreReportedWithTheProviderAndTheBuilderRetryListenerStillHearsThem() {
        Recorder r = new Recorder();
        RetryCounter counter = new RetryCounter();
        try (LlmClient c = client().retryPolicy(RetryPolicy.retries(2).withBackoff(Duration.ofMillis(1), Duration.ofMillis(5)))
                .retryListener(counter).listener(r).build()) {
            CompletableFuture<ChatResponse> f = c.stream(request().withHeader("x-sim-fault", "http-500"), StreamListener.NONE);
            assertThatThrownBy(() -> f.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(LlmException.ServerError.class);
        }
        assertThat(counter.total()).isEqualTo(2);
        assertThat(r.retries).extracting(Retry::attempt).containsExactly(2, 3);
        assertThat(r.retries).allSatisfy(x -> {
            assertThat(x.provider()).isEqualTo(Provider.OPENAI);
            assertThat(x.failure()).isInstanceOf(LlmException.ServerError.class);
            assertThat(x.delay()).isLessThanOrEqualTo(Duration.ofMillis(5));
        });
        assertThat(r.acquired).as("each attempt takes its own permit").hasSize(3);
        assertThat(r.released).hasSize(3).allSatisfy(x -> assertThat(x.outcome()).isEqualTo(Outcome.IGNORED));
    }

    @Test
    void aListenerThatThrowsBreaksNoRequest() throws Exception {
        ClientListener rude = new ClientListener() {
            @Override public void onPermitAcquired(Provider p, int key, int inFlight, long queuedNanos) { throw new IllegalStateException("acquired"); }
            @Override public void onPermitReleased(Provider p, int key, Outcome outcome) { throw new IllegalStateException("released"); }
            @Override public void onWindowChange(Provider p, int key, int o, int n, int inFlight) { throw new IllegalStateException("window"); }
            @Override public void onRetry(Provider p, int attempt, Throwable failure, Duration delay) { throw new IllegalStateException("retry"); }
        };
        try (LlmClient c = client().aimd().maxConcurrency(8).retryPolicy(RetryPolicy.retries(1).withBackoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .listener(rude).build()) {
            List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) all.add(c.stream(request(), StreamListener.NONE));
            for (CompletableFuture<ChatResponse> f : all) {
                try {
                    f.get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(LlmException.RateLimited.class);
                }
            }
            assertThat(c.stream(request(), StreamListener.NONE).get(20, TimeUnit.SECONDS).text()).isNotEmpty();
        }
    }
}
