package dev.llmbench.simulator.provider;

import okhttp3.Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A zero-delay stream goes out coalesced (headers unflushed, all events in one batch, the end in the same flush);
 * the bytes must be exactly those of the same response written event by event, or with headers flushed first.
 * Only the per-request id and the {@code created} second differ between profiles, and are masked.
 */
class CoalescedWritesTest {
    private static final String BODY = "{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static SimClient h1;
    private static SimClient h2;

    @BeforeAll
    static void start() {
        Map<String, String> o = Map.of(
                "perevent.base", "zero", "perevent.io.maxBatchBytes", "256", "perevent.output.mean", "40",
                "headfirst.base", "zero", "headfirst.latency.medianMs", "1", "headfirst.latency.sigma", "0",
                "headfirst.output.mean", "40", "zero.output.mean", "40");
        h1 = new SimClient(o);
        h2 = new SimClient(o, List.of(Protocol.H2_PRIOR_KNOWLEDGE));
    }

    @AfterAll
    static void stop() {
        h1.close();
        h2.close();
    }

    private static String stream(SimClient c, String profile) {
        SimClient.Result r = c.post("/" + profile + "/v1/chat/completions", BODY, "authorization", "Bearer coalesce");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.failure()).isNull();
        return r.body().replaceAll("chatcmpl-[A-Za-z0-9]+", "chatcmpl-ID").replaceAll("\"created\":\\d+", "\"created\":0");
    }

    @Test
    void coalescedBytesEqualPerEventBytesOnBothProtocols() {
        for (SimClient c : List.of(h1, h2)) {
            String coalesced = stream(c, "zero");
            assertThat(coalesced).startsWith("data: {").endsWith("data: [DONE]\n\n");
            assertThat(SimClient.sseBlocks(coalesced)).hasSize(1 + 40 + 1 + 1 + 1); // role, tokens, finish, usage, DONE
            assertThat(stream(c, "perevent")).isEqualTo(coalesced);
            assertThat(stream(c, "headfirst")).isEqualTo(coalesced);
        }
    }

    @Test
    void groundTruthStillArrivesOnCoalescedStreams() {
        SimClient.Result r = h2.post("/zero/v1/chat/completions", BODY, "authorization", "Bearer coalesce",
                SimulatedProviders.GROUND_TRUTH_HEADER, "1");
        assertThat(r.body()).contains(": sim-truth ttft-us=").contains(": sim-t-us=").endsWith("data: [DONE]\n\n");
    }
}
