package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed and request sequence give the same ids, lengths and scheduled delays. */
class ReproducibilityTest {
    static final Map<String, String> NO_DELAYS = Map.of("openai.network.rttMs", "0", "openai.network.connectMs", "0",
            "openai.decode.tokensPerSecond", "0", "openai.latency.medianMs", "1");

    static List<String> run(long seed) {
        List<String> out = new ArrayList<>();
        var overrides = new java.util.HashMap<>(NO_DELAYS);
        try (SimClient c = new SimClient(overrides, List.of(okhttp3.Protocol.HTTP_1_1), seed)) {
            for (int i = 0; i < 5; i++) {
                JsonNode j = c.post("/openai/v1/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"hi\"}]}", "authorization", "Bearer repro").json();
                out.add(j.get("id").asText() + "/" + j.at("/usage/completion_tokens").asInt());
            }
        }
        return out;
    }

    @Test
    void sameSeedSameDraws() {
        List<String> a = run(11);
        assertThat(a).doesNotHaveDuplicates();
        assertThat(run(11)).isEqualTo(a);
        assertThat(run(12)).isNotEqualTo(a);
        // Lengths vary around the mean (sigma > 0 on this profile).
        assertThat(a.stream().map(s -> s.substring(s.indexOf('/'))).distinct().count()).isGreaterThan(1);
    }
}
