package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-key buckets and caps, answered with each provider's 429 and headers. */
class RateLimitTest {
    static final SimClient client = SharedSim.client();
    static final String CHAT = "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String MSG = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static final String GEM = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";

    @Test
    void openAiRequestsPerMinute() {
        for (int i = 0; i < 3; i++) {
            var ok = client.post("/rpm3/v1/chat/completions", CHAT, "authorization", "Bearer rpm-openai");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers().get("x-ratelimit-limit-requests")).isEqualTo("3");
            assertThat(ok.headers().get("x-ratelimit-remaining-requests")).isEqualTo(Integer.toString(2 - i));
            assertThat(ok.headers().get("x-ratelimit-reset-requests")).matches("\\d+(\\.\\d+)?m?s|\\d+m\\d+(\\.\\d+)?s");
        }
        var r = client.post("/rpm3/v1/chat/completions", CHAT, "authorization", "Bearer rpm-openai");
        assertThat(r.status()).isEqualTo(429);
        JsonNode e = r.json().get("error");
        assertThat(e.get("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(e.get("type").asText()).isEqualTo("requests");
        assertThat(e.get("message").asText()).contains("requests per min (RPM): Limit 3");
        assertThat(Long.parseLong(r.headers().get("retry-after"))).isBetween(1L, 60L);
        assertThat(Long.parseLong(r.headers().get("retry-after-ms"))).isBetween(1L, 60_000L);
        assertThat(r.headers().get("x-ratelimit-remaining-requests")).isEqualTo("0");
        // Another key has its own bucket.
        assertThat(client.post("/rpm3/v1/chat/completions", CHAT, "authorization", "Bearer rpm-other").status()).isEqualTo(200);
    }

    @Test
    void openAiTokensPerMinute() {
        // 1000 TPM; each request is charged prompt + max_tokens = 1 + 600.
        String big = CHAT.replace("}]}", "}],\"max_tokens\":600}");
        assertThat(client.post("/tpm/v1/chat/completions", big, "authorization", "Bearer tpm-key").status()).isEqualTo(200);
        var r = client.post("/tpm/v1/chat/completions", big, "authorization", "Bearer tpm-key");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.json().at("/error/type").asText()).isEqualTo("tokens");
        assertThat(r.json().at("/error/message").asText()).contains("tokens per min (TPM): Limit 1000").contains("Requested 601");
        assertThat(r.headers().get("x-ratelimit-limit-tokens")).isEqualTo("1000");
    }

    @Test
    void anthropicRateLimitAndHeaders() {
        for (int i = 0; i < 3; i++) {
            var ok = client.post("/rpm3/v1/messages", MSG, "x-api-key", "rpm-anthropic", "anthropic-version", "2023-06-01");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers().get("anthropic-ratelimit-requests-limit")).isEqualTo("3");
            Instant reset = Instant.parse(ok.headers().get("anthropic-ratelimit-requests-reset"));
            assertThat(reset).isAfter(Instant.now().minusSeconds(5));
        }
        var r = client.post("/rpm3/v1/messages", MSG, "x-api-key", "rpm-anthropic", "anthropic-version", "2023-06-01");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.json().at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(r.json().get("request_id").asText()).startsWith("req_");
        assertThat(r.headers().get("retry-after")).isNotNull();
        assertThat(r.headers().get("request-id")).startsWith("req_");
        assertThat(r.headers().get("anthropic-ratelimit-requests-remaining")).isEqualTo("0");
    }

    @Test
    void geminiResourceExhaustedWithRetryInfo() {
        String path = "/rpm3/v1beta/models/gemini-3-flash-preview:generateContent";
        for (int i = 0; i < 3; i++) assertThat(client.post(path, GEM, "x-goog-api-key", "rpm-gemini").status()).isEqualTo(200);
        var r = client.post(path, GEM, "x-goog-api-key", "rpm-gemini");
        assertThat(r.status()).isEqualTo(429);
        JsonNode e = r.json().get("error");
        assertThat(e.get("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(e.get("message").asText()).contains("Please retry in");
        JsonNode retry = null;
        for (JsonNode d : e.get("details")) {
            if (d.get("@type").asText().equals("type.googleapis.com/google.rpc.RetryInfo")) retry = d;
        }
        assertThat(retry).isNotNull();
        assertThat(retry.get("retryDelay").asText()).matches("\\d+s");
    }

    /** Sends two requests at once; the simulated latency keeps the first admitted busy while the second arrives. */
    static java.util.List<SimClient.Result> twoAtOnce(String path, String body, String... headers) {
        return twoAtOnceOn(client, path, body, headers);
    }

    static java.util.List<SimClient.Result> twoAtOnceOn(SimClient on, String path, String body, String... headers) {
        CompletableFuture<SimClient.Result> a = CompletableFuture.supplyAsync(() -> on.post(path, body, headers));
        CompletableFuture<SimClient.Result> b = CompletableFuture.supplyAsync(() -> on.post(path, body, headers));
        return java.util.List.of(a.join(), b.join());
    }

    @Test
    void concurrencyCapRefusesTheSecondConcurrentRequest() {
        String stream = CHAT.replace("}]}", "}],\"stream\":true}");
        var results = twoAtOnce("/conc1/v1/chat/completions", stream, "authorization", "Bearer conc-key");
        assertThat(results).extracting(SimClient.Result::status).containsExactlyInAnyOrder(200, 429);
        SimClient.Result refused = results.get(0).status() == 429 ? results.get(0) : results.get(1);
        assertThat(refused.json().at("/error/message").asText()).contains("concurrent requests");
        // Released once the first finished.
        assertThat(client.post("/conc1/v1/chat/completions", CHAT, "authorization", "Bearer conc-key").status()).isEqualTo(200);
    }

    @Test
    void anthropicCapacityFullIs529Overloaded() {
        var results = twoAtOnce("/cap1/v1/messages", MSG, "x-api-key", "cap-a", "anthropic-version", "2023-06-01");
        assertThat(results).extracting(SimClient.Result::status).containsExactlyInAnyOrder(200, 529);
        SimClient.Result refused = results.get(0).status() == 529 ? results.get(0) : results.get(1);
        assertThat(refused.json().at("/error/type").asText()).isEqualTo("overloaded_error");
    }
}
