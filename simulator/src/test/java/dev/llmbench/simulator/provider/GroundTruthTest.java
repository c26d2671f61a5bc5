package dev.llmbench.simulator.provider;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** x-sim-ground-truth: a time comment before every event and a summary before the terminal event. */
class GroundTruthTest {
    static final SimClient client = SharedSim.client();
    static final Pattern TRUTH = Pattern.compile(": sim-truth ttft-us=(\\d+) queue-us=(\\d+) output-tokens=(\\d+) events=(\\d+)");

    /** Checks every SSE block starts with a sim-t-us comment and returns the stamps in order. */
    static List<Long> stamps(String body) {
        List<Long> out = new ArrayList<>();
        for (List<String> block : SimClient.sseBlocks(body)) {
            if (block.get(0).startsWith(": sim-truth")) block = block.subList(1, block.size());
            if (block.isEmpty()) continue;
            assertThat(block.get(0)).as("first line of " + block).startsWith(": sim-t-us=");
            out.add(Long.parseLong(block.get(0).substring(": sim-t-us=".length())));
        }
        return out;
    }

    @Test
    void openAiStream() {
        long before = System.nanoTime();
        var r = client.post("/quickopenai/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"stream_options\":"
                + "{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "authorization", "Bearer k", "x-sim-ground-truth", "1");
        String body = r.body();
        List<Long> t = stamps(body);
        assertThat(t).hasSize(1 + 134 + 3).isSorted();
        Matcher m = TRUTH.matcher(body);
        assertThat(m.find()).isTrue();
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(134);
        assertThat(Integer.parseInt(m.group(4))).isEqualTo(134);
        // receipt on the shared monotonic clock: between this test's send and the end of the response
        Matcher recv = Pattern.compile(" recv-mono-ns=(\\d+)").matcher(body);
        assertThat(recv.find()).isTrue();
        assertThat(Long.parseLong(recv.group(1))).isBetween(before, System.nanoTime());
        // The summary sits just before the terminal [DONE] event.
        assertThat(body.substring(m.start())).matches("(?s): sim-truth [^\n]*\n: sim-t-us=\\d+\ndata: \\[DONE]\n\n");
        // Events still parse as usual.
        assertThat(SimClient.dataJson(body)).hasSize(1 + 134 + 2);
    }

    @Test
    void anthropicStream() {
        var r = client.post("/quickanthropic/v1/messages", "{\"model\":\"m\",\"max_tokens\":20,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                "x-api-key", "k", "anthropic-version", "2023-06-01", "x-sim-ground-truth", "1");
        String body = r.body();
        assertThat(stamps(body)).isSorted();
        Matcher m = TRUTH.matcher(body);
        assertThat(m.find()).isTrue();
        assertThat(m.group(3)).isEqualTo("20");
        assertThat(body.substring(m.start())).matches("(?s): sim-truth [^\n]*\n: sim-t-us=\\d+\nevent: message_stop\n.*");
    }

    @Test
    void geminiStreamHasTheSummaryAfterTheLastFrame() {
        var r = client.post("/quickgemini/v1beta/models/g:streamGenerateContent?alt=sse", "{\"contents\":[{\"parts\":"
                + "[{\"text\":\"hi\"}]}],\"generationConfig\":{\"thinkingConfig\":{\"thinkingBudget\":0}}}",
                "x-goog-api-key", "k", "x-sim-ground-truth", "1");
        String body = r.body();
        assertThat(stamps(body)).hasSize(9);
        assertThat(body).matches("(?s).*finishReason[^\r\n]*\r\n\r\n: sim-truth [^\r\n]*\r\n\r\n");
        Matcher m = TRUTH.matcher(body);
        assertThat(m.find()).isTrue();
        assertThat(m.group(4)).isEqualTo("9");
        assertThat(SimClient.dataJson(body)).hasSize(9);
    }

    @Test
    void offByDefault() {
        var r = client.post("/quickopenai/v1/chat/completions", "{\"model\":\"m\",\"stream\":true,\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"hi\"}]}", "authorization", "Bearer k");
        assertThat(r.body()).doesNotContain(": sim-");
    }

    @Test
    void scheduledTtftIncludesLatencyAndQueueIsReported() {
        // queue1: capacity 1, 300 ms latency: of two concurrent requests one waits for the other's slot.
        String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        var results = RateLimitTest.twoAtOnceOn(client, "/queue1/v1/chat/completions", body, "authorization", "Bearer q",
                "x-sim-ground-truth", "1");
        List<Long> queues = new ArrayList<>();
        for (SimClient.Result res : results) {
            Matcher m = TRUTH.matcher(res.body());
            assertThat(m.find()).isTrue();
            assertThat(Long.parseLong(m.group(1))).isGreaterThan(0);
            queues.add(Long.parseLong(m.group(2)));
        }
        queues.sort(null);
        // One ran at once; the other queued for at least most of the first one's latency.
        assertThat(queues.get(1)).isGreaterThan(100_000);
    }

    @Test
    void connectionCapQueuesStreamsOfOneConnection() {
        // conn1: one generation per connection. Over one h2 connection two streams run one after the other.
        try (SimClient h2 = new SimClient(java.util.Map.of("conn1.base", "zero", "conn1.connection.maxGenerations", "1",
                "conn1.latency.medianMs", "300", "conn1.latency.sigma", "0"), List.of(okhttp3.Protocol.H2_PRIOR_KNOWLEDGE))) {
            String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            var results = RateLimitTest.twoAtOnceOn(h2, "/conn1/v1/chat/completions", body, "authorization", "Bearer c",
                    "x-sim-ground-truth", "1");
            List<Long> queues = new ArrayList<>();
            for (SimClient.Result res : results) {
                assertThat(res.status()).isEqualTo(200);
                Matcher m = TRUTH.matcher(res.body());
                assertThat(m.find()).isTrue();
                queues.add(Long.parseLong(m.group(2)));
            }
            queues.sort(null);
            assertThat(queues.get(1)).isGreaterThan(100_000);
        }
    }
}
