package dev.llmbench.client;

import dev.llmbench.client.internal.codec.HeaderLookup;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.ResponseSink;
import dev.llmbench.client.internal.transport.StreamSlots;
import dev.llmbench.client.internal.transport.TlsTrust;
import dev.llmbench.client.internal.transport.TransportConfig;
import dev.llmbench.client.internal.transport.okhttp.OkHttpTransport;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * okhttp-h2 with far more streams in flight than one connection takes (the simulator advertises
 * SETTINGS_MAX_CONCURRENT_STREAMS=100, as real providers). Unbounded, OkHttp piles streams onto a new connection before
 * its SETTINGS arrive; the server refuses the extras and then fails the whole connection (PROTOCOL_ERROR) when their
 * request bodies arrive, so every stream on it ends "stream was reset: CANCEL" — about a quarter of these requests.
 *
 * <p>Streams are refused anyway (a burst before a new connection's SETTINGS, or a stream the server still counts while
 * the client already read its end): each is sent again, and must not lower the bound, which OkHttp does not need
 * lowered (it keeps to each connection's advertised limit once known).
 */
class OkHttpStreamBurstTest {
    @Test
    void burstsPastOneConnectionAllSucceed() throws Exception {
        try (Simulator sim = Simulator.builder().defaultProfile("zero").start();
             LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero").transport(TransportKind.OKHTTP_H2)
                     .maxConcurrency(500).build()) {
            Map<String, Integer> errors = new TreeMap<>();
            for (int round = 0; round < 2; round++) { // a cold burst, then one over the connections it opened
                List<CompletableFuture<ChatResponse>> all = new ArrayList<>();
                for (int i = 0; i < 500; i++) all.add(client.stream(ChatRequest.of("gpt-4.1-nano", "burst " + i), StreamListener.NONE));
                for (CompletableFuture<ChatResponse> f : all) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        Throwable t = e;
                        while (t.getCause() != null) t = t.getCause();
                        errors.merge(t.toString(), 1, Integer::sum);
                    }
                }
            }
            assertThat(errors).as("failures by root cause").isEmpty();
        }
    }

    @Test
    void refusedStreamsAreSentAgainWithoutLoweringTheBound() throws Exception {
        int streams = 40;
        try (Simulator sim = Simulator.builder().defaultProfile("zero").maxConcurrentStreams(10)
                .set("zero.latency.medianMs", "300").start()) { // streams held long enough to overlap
            OkHttpTransport transport = new OkHttpTransport(true,
                    new TransportConfig(streams, 1, Duration.ofSeconds(5), TlsTrust.create(null, null)));
            try {
                URI uri = URI.create(sim.baseUrl(Listener.HTTP, "zero", "v1") + "/chat/completions");
                byte[] body = "{\"model\":\"sim-zero\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                        .getBytes(StandardCharsets.UTF_8);
                HttpCall call = new HttpCall(uri, "POST", List.of("content-type", "application/json",
                        "authorization", "Bearer sk-sim-burst-0123456789"), body);
                Map<String, Integer> outcomes = new ConcurrentHashMap<>();
                CountDownLatch done = new CountDownLatch(streams); // a cold burst of 40 at a limit of 10 per connection
                for (int i = 0; i < streams; i++) transport.send(call, new Sink(outcomes, done));
                assertThat(done.await(15, TimeUnit.SECONDS)).as("all ended").isTrue();
                assertThat(outcomes).as("outcomes").isEqualTo(Map.of("200", streams));
                assertThat(transport.streamLimit(uri)).as("bound per connection").isEqualTo(StreamSlots.DEFAULT_LIMIT);
            } finally {
                transport.close();
            }
        }
    }

    /** One call's sink: counts its status (or root-cause failure) once it ended. */
    private static final class Sink implements ResponseSink {
        private final Map<String, Integer> outcomes;
        private final CountDownLatch done;
        private volatile int status;

        Sink(Map<String, Integer> outcomes, CountDownLatch done) {
            this.outcomes = outcomes;
            this.done = done;
        }

        @Override
        public void onHeaders(int status, String protocol, HeaderLookup headers, long nanoTime) { this.status = status; }

        @Override
        public void onBody(ByteBuffer data, long nanoTime) {}

        @Override
        public void onComplete(long nanoTime) {
            outcomes.merge(String.valueOf(status), 1, Integer::sum);
            done.countDown();
        }

        @Override
        public void onError(Throwable error, long nanoTime) {
            Throwable t = error;
            while (t.getCause() != null) t = t.getCause();
            outcomes.merge(t.toString(), 1, Integer::sum);
            done.countDown();
        }
    }
}
