package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.Protocol;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code fixed} profile replays the first answer to an identical request byte for byte. */
class ReplayProfileTest {
    private static final String AUTH = "Bearer replay-test";

    enum Wire {
        H1(Protocol.HTTP_1_1), H2C(Protocol.H2_PRIOR_KNOWLEDGE);
        final Protocol protocol;
        Wire(Protocol p) { protocol = p; }
    }

    private static String body(boolean stream, int maxTokens) {
        return "{\"model\":\"sim-zero\",\"stream\":" + stream + ",\"stream_options\":{\"include_usage\":true},"
                + "\"max_tokens\":" + maxTokens + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void identicalRequestsGetTheRecordedBytesAndOthersAreGenerated(Wire wire) {
        try (SimClient c = new SimClient(Map.of(), List.of(wire.protocol))) {
            SimClient.Result first = c.post("/fixed/v1/chat/completions", body(true, 500), "authorization", AUTH);
            SimClient.Result again = c.post("/fixed/v1/chat/completions", body(true, 500), "authorization", AUTH);
            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.headers().get("content-type")).isEqualTo(first.headers().get("content-type"));
            assertThat(again.bytes()).isEqualTo(first.bytes()); // same id and created: the recording, not a new draw

            List<JsonNode> chunks = SimClient.dataJson(first.body());
            assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            assertThat(chunks.get(chunks.size() - 1).at("/usage/completion_tokens").asInt()).isEqualTo(134);
            assertThat(first.body()).endsWith("data: [DONE]\n\n");

            // A different body is generated (and recorded) on its own: 5 tokens, a new id.
            SimClient.Result shorter = c.post("/fixed/v1/chat/completions", body(true, 5), "authorization", AUTH);
            List<JsonNode> few = SimClient.dataJson(shorter.body());
            assertThat(few.get(few.size() - 1).at("/usage/completion_tokens").asInt()).isEqualTo(5);
            assertThat(few.get(0).get("id").asText()).isNotEqualTo(chunks.get(0).get("id").asText());

            // Whole responses replay too.
            JsonNode whole = c.post("/fixed/v1/chat/completions", body(false, 500), "authorization", AUTH).json();
            assertThat(c.post("/fixed/v1/chat/completions", body(false, 500), "authorization", AUTH).json()).isEqualTo(whole);

            // The zero profile, otherwise the same, draws a new id every time.
            String zeroA = SimClient.dataJson(c.post("/zero/v1/chat/completions", body(true, 500), "authorization", AUTH).body()).get(0).get("id").asText();
            String zeroB = SimClient.dataJson(c.post("/zero/v1/chat/completions", body(true, 500), "authorization", AUTH).body()).get(0).get("id").asText();
            assertThat(zeroA).isNotEqualTo(zeroB);
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aReplayStillChecksTheKey(Wire wire) {
        try (SimClient c = new SimClient(Map.of(), List.of(wire.protocol))) {
            assertThat(c.post("/fixed/v1/chat/completions", body(true, 500), "authorization", AUTH).status()).isEqualTo(200);
            assertThat(c.post("/fixed/v1/chat/completions", body(true, 500)).status()).isEqualTo(401);
            assertThat(c.post("/fixed/v1/chat/completions", body(true, 500), "authorization", "Bearer bad-key").status())
                    .isEqualTo(401);
        }
    }
}
