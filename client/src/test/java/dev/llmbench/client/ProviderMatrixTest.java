package dev.llmbench.client;

import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every provider format × every transport × (cleartext, TLS) against the simulator's {@code zero} profile, with the
 * real codecs: streaming with exact timing checked against the simulator's ground truth, and non-streaming.
 */
class ProviderMatrixTest {
    private static final Pattern TRUTH = Pattern.compile("sim-truth .*output-tokens=(\\d+)");
    static Simulator sim;

    @BeforeAll
    static void start() { sim = Simulator.builder().defaultProfile("zero").start(); }

    @AfterAll
    static void stop() { sim.close(); }

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Listener l : List.of(Listener.HTTP, Listener.TLS)) {
            for (TransportKind k : TransportKind.values()) {
                for (Provider p : Provider.values()) out.add(Arguments.of(p, k, l));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("matrix")
    void streamsAndCompletes(Provider provider, TransportKind kind, Listener listener) throws Exception {
        try (LlmClient client = SimulatorFixture.builder(sim, listener, "zero").transport(kind)
                .header("x-sim-ground-truth", "1").build()) {
            List<String> truth = new ArrayList<>();
            int[] tokens = new int[1];
            ChatRequest request = ChatRequest.of(SimulatorFixture.model(provider), "Say something.").withMaxTokens(40);
            ChatResponse r = client.stream(request, new StreamListener() {
                @Override public void onToken(CharSequence text, boolean thought, long nanoTime) { tokens[0]++; }
                @Override public void onComment(CharSequence comment, long nanoTime) {
                    if (comment.toString().startsWith("sim-truth")) truth.add(comment.toString());
                }
            }).get(20, TimeUnit.SECONDS);

            assertThat(r.provider()).isEqualTo(provider);
            assertThat(r.protocol()).isEqualTo(kind == TransportKind.OKHTTP_H1 || kind == TransportKind.JDK_H1 ? "http/1.1" : "h2");
            assertThat(r.text()).isNotBlank();
            assertThat(r.usage().reported()).isTrue();
            assertThat(r.usage().outputTokens()).isPositive();
            assertThat(truth).hasSize(1);
            Matcher m = TRUTH.matcher(truth.get(0));
            assertThat(m.find()).isTrue();
            assertThat(r.usage().outputTokens()).isEqualTo(Long.parseLong(m.group(1)));
            StreamTiming t = r.timing();
            assertThat(t.tokenEvents()).isEqualTo(tokens[0]).isPositive();
            assertThat(t.ttftNanos()).isPositive().isLessThanOrEqualTo(t.e2eNanos());
            assertThat(t.ttfbNanos()).isLessThanOrEqualTo(t.ttftNanos());

            ChatResponse whole = client.complete(request).get(20, TimeUnit.SECONDS);
            assertThat(whole.text()).isNotBlank();
            assertThat(whole.usage().reported()).isTrue();
            assertThat(whole.timing().e2eNanos()).isPositive();
        }
    }
}
