package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fault, forced per request with x-sim-fault, or drawn from a profile rate. */
class FaultInjectionTest {
    static final SimClient client = SharedSim.client();
    static final String STREAM = "{\"model\":\"gpt-4.1-nano\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String MSG = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    static SimClient.Result openAi(String fault) {
        return client.post("/faulty/v1/chat/completions", STREAM, "authorization", "Bearer fault-key", "x-sim-fault", fault);
    }

    @Test
    void errorStatusFaults() {
        assertThat(openAi("http-500").status()).isEqualTo(500);
        assertThat(openAi("http-500").json().at("/error/type").asText()).isEqualTo("server_error");
        assertThat(openAi("http-503").status()).isEqualTo(503);
        var limited = openAi("rate-limit");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(limited.headers().get("retry-after-ms")).isNotNull();
        assertThat(openAi("overloaded").status()).isEqualTo(529);
        var overloaded = client.post("/faulty/v1/messages", MSG, "x-api-key", "k", "anthropic-version", "2023-06-01",
                "x-sim-fault", "overloaded");
        assertThat(overloaded.status()).isEqualTo(529);
        assertThat(overloaded.json().at("/error/type").asText()).isEqualTo("overloaded_error");
    }

    @Test
    void resetMidStreamAbortsAfterSomeEvents() {
        var r = openAi("reset-mid-stream");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.failure()).isNotNull();
        assertThat(r.body()).contains("chat.completion.chunk").doesNotContain("[DONE]");
    }

    @Test
    void truncateEndsCleanlyWithoutTerminalEvent() {
        var r = openAi("truncate");
        assertThat(r.failure()).isNull();
        List<JsonNode> chunks = SimClient.dataJson(r.body());
        assertThat(chunks).hasSize(1 + 10);
        assertThat(r.body()).doesNotContain("[DONE]").doesNotContain("finish_reason\":\"stop");
        var anthropic = client.post("/faulty/v1/messages", MSG, "x-api-key", "k", "anthropic-version", "2023-06-01",
                "x-sim-fault", "truncate");
        assertThat(anthropic.body()).contains("content_block_delta").doesNotContain("message_stop").doesNotContain("message_delta");
        var gemini = client.post("/faulty/v1beta/models/g:streamGenerateContent?alt=sse",
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}", "x-goog-api-key", "k", "x-sim-fault", "truncate");
        assertThat(gemini.body()).contains("candidates").doesNotContain("finishReason");
    }

    @Test
    void malformedChunkIsBrokenJsonThenTheStreamGoesOn() {
        var r = openAi("malformed-chunk");
        int broken = 0;
        for (List<String> block : SimClient.sseBlocks(r.body())) {
            for (String line : block) {
                if (!line.startsWith("data: {")) continue;
                try {
                    SimClient.JSON.readTree(line.substring(6));
                } catch (Exception e) {
                    broken++;
                }
            }
        }
        assertThat(broken).isEqualTo(1);
        assertThat(r.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    void stallsAndTrickleStillComplete() {
        // Stalls are 300 ms and trickle gaps 20 ms on this profile; the response completes afterwards.
        for (String f : new String[] {"stall-first-byte", "stall-mid-stream", "slow-trickle"}) {
            var r = client.post("/faulty/v1/chat/completions", STREAM, "authorization", "Bearer k", "x-sim-fault", f,
                    "x-sim-ground-truth", "1");
            assertThat(r.status()).as(f).isEqualTo(200);
            assertThat(r.body()).as(f).endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void stallFirstByteDelaysTheScheduledFirstToken() {
        var r = client.post("/faulty/v1/chat/completions", STREAM, "authorization", "Bearer k", "x-sim-fault", "stall-first-byte",
                "x-sim-ground-truth", "1");
        String truth = r.body().lines().filter(l -> l.startsWith(": sim-truth")).findFirst().orElseThrow();
        long ttftUs = Long.parseLong(truth.replaceAll(".*ttft-us=(\\d+).*", "$1"));
        assertThat(ttftUs).isGreaterThanOrEqualTo(300_000);
    }

    @Test
    void profileFaultRateApplies() {
        var r = client.post("/randomfault/v1/chat/completions", STREAM, "authorization", "Bearer k");
        assertThat(r.status()).isEqualTo(500);
    }

    @Test
    void nonStreamingFaults() {
        String whole = STREAM.replace("\"stream\":true,", "");
        var truncated = client.post("/faulty/v1/chat/completions", whole, "authorization", "Bearer k", "x-sim-fault", "truncate");
        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.body()).startsWith("{\"id\"");
        assertThatThrownByParsing(truncated);
        var reset = client.post("/faulty/v1/chat/completions", whole, "authorization", "Bearer k", "x-sim-fault", "reset-mid-stream");
        assertThat(reset.failure() != null || reset.status() == 0).isTrue();
    }

    @Test
    void errorEventMidStream() {
        var r = client.post("/faulty/v1/messages", MSG, "x-api-key", "k", "anthropic-version", "2023-06-01",
                "x-sim-fault", "error-event");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\"")
                .doesNotContain("message_stop");
        var openAi = openAi("error-event");
        List<JsonNode> chunks = SimClient.dataJson(openAi.body());
        assertThat(chunks.get(chunks.size() - 1).has("error")).isTrue();
        assertThat(openAi.body()).doesNotContain("[DONE]");
    }

    private static void assertThatThrownByParsing(SimClient.Result r) {
        boolean failed;
        try {
            SimClient.JSON.readTree(r.bytes());
            failed = false;
        } catch (Exception e) {
            failed = true;
        }
        assertThat(failed).as("truncated body parses").isTrue();
    }
}
