package dev.llmbench.simulator.provider;

import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Together's model: streams multiplexed on one HTTP/2 connection share a decode budget. Lower bounds only: with a
 * budget of 100 tokens/s, each token of a stream is scheduled at least 10 ms (20 ms while both run) after the previous
 * one, however fast the machine is; without the budget the decode would be instant.
 */
class H2DecodeBudgetTest {

    @Test
    void twoStreamsOnOneConnectionShareTheBudget() {
        Map<String, String> o = Map.of("shared.base", "zero", "shared.h2.connectionTokensPerSecond", "100",
                "shared.output.mean", "11", "shared.latency.medianMs", "50");
        try (SimClient c = new SimClient(o, List.of(Protocol.H2_PRIOR_KNOWLEDGE))) {
            String body = "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            var a = CompletableFuture.supplyAsync(() -> c.post("/shared/v1/chat/completions", body, "authorization", "Bearer k",
                    "x-sim-ground-truth", "1"));
            var b = CompletableFuture.supplyAsync(() -> c.post("/shared/v1/chat/completions", body, "authorization", "Bearer k",
                    "x-sim-ground-truth", "1"));
            for (SimClient.Result r : List.of(a.join(), b.join())) {
                assertThat(r.status()).isEqualTo(200);
                List<Long> t = GroundTruthTest.stamps(r.body());
                // stamps: role delta, 11 content events, finish, [DONE]. An event is never written before its scheduled
                // time (a late wake-up writes all due events at once), so the last content event's write time is at
                // least the scheduled first token plus 10 gaps of >= 10 ms (20 ms while both streams run).
                java.util.regex.Matcher m = GroundTruthTest.TRUTH.matcher(r.body());
                assertThat(m.find()).isTrue();
                long scheduledFirst = Long.parseLong(m.group(1));
                assertThat(t.get(11) - scheduledFirst).isGreaterThanOrEqualTo(100_000);
            }
        }
    }
}
