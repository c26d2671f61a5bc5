package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A recently seen prompt prefix of at least 1024 tokens is reported as cached, in each provider's field. */
class PrefixCachingTest {
    static final SimClient client = SharedSim.client();

    /** About 1500 tokens (6000 bytes) of system prompt, unique per call so tests never share cache entries. */
    static String longSystem() {
        return UUID.randomUUID() + " " + "You are a careful assistant. ".repeat(200);
    }

    static String chat(String system, String user) {
        return "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"" + system + "\"},"
                + "{\"role\":\"user\",\"content\":\"" + user + "\"}]}";
    }

    @Test
    void openAiReportsCachedTokensOnTheSecondRequest() {
        String system = longSystem();
        JsonNode first = client.post("/quickopenai/v1/chat/completions", chat(system, "first question"),
                "authorization", "Bearer cache-key").json();
        assertThat(first.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isZero();
        JsonNode second = client.post("/quickopenai/v1/chat/completions", chat(system, "second question"),
                "authorization", "Bearer cache-key").json();
        int cached = second.at("/usage/prompt_tokens_details/cached_tokens").asInt();
        int prompt = second.at("/usage/prompt_tokens").asInt();
        assertThat(cached).isGreaterThanOrEqualTo(1024).isLessThanOrEqualTo(prompt);
        assertThat(cached % 128).isZero();
    }

    @Test
    void shortPromptsAreNeverCached() {
        String body = chat("short " + UUID.randomUUID(), "q");
        client.post("/quickopenai/v1/chat/completions", body, "authorization", "Bearer cache-key");
        JsonNode again = client.post("/quickopenai/v1/chat/completions", body, "authorization", "Bearer cache-key").json();
        assertThat(again.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isZero();
    }

    @Test
    void profileWithCachingOffNeverCaches() {
        String body = chat(longSystem(), "q");
        client.post("/quicktogether/v1/chat/completions", body, "authorization", "Bearer cache-key");
        JsonNode again = client.post("/quicktogether/v1/chat/completions", body, "authorization", "Bearer cache-key").json();
        assertThat(again.at("/usage/prompt_tokens_details/cached_tokens").asInt()).isZero();
    }

    @Test
    void anthropicCachesOnlyWithCacheControl() {
        String system = longSystem();
        String marked = "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":50,\"system\":[{\"type\":\"text\",\"text\":\"" + system
                + "\",\"cache_control\":{\"type\":\"ephemeral\"}}],\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String[] h = {"x-api-key", "cache-key", "anthropic-version", "2023-06-01"};
        JsonNode first = client.post("/quickanthropic/v1/messages", marked, h).json().get("usage");
        assertThat(first.get("cache_read_input_tokens").asInt()).isZero();
        assertThat(first.get("cache_creation_input_tokens").asInt()).isGreaterThanOrEqualTo(1024);
        JsonNode second = client.post("/quickanthropic/v1/messages", marked, h).json().get("usage");
        assertThat(second.get("cache_read_input_tokens").asInt()).isGreaterThanOrEqualTo(1024);
        int total = second.get("input_tokens").asInt() + second.get("cache_read_input_tokens").asInt()
                + second.get("cache_creation_input_tokens").asInt();
        assertThat(total).isEqualTo(first.get("input_tokens").asInt() + first.get("cache_creation_input_tokens").asInt());

        String unmarked = marked.replace(",\"cache_control\":{\"type\":\"ephemeral\"}", "").replace(system, longSystem());
        client.post("/quickanthropic/v1/messages", unmarked, h);
        JsonNode plain = client.post("/quickanthropic/v1/messages", unmarked, h).json().get("usage");
        assertThat(plain.get("cache_read_input_tokens").asInt()).isZero();
        assertThat(plain.get("cache_creation_input_tokens").asInt()).isZero();
    }

    @Test
    void geminiReportsCachedContentTokenCount() {
        String body = "{\"systemInstruction\":{\"parts\":[{\"text\":\"" + longSystem() + "\"}]},\"contents\":[{\"role\":\"user\","
                + "\"parts\":[{\"text\":\"hi\"}]}]}";
        String path = "/quickgemini/v1beta/models/gemini-2.5-flash:generateContent";
        JsonNode first = client.post(path, body, "x-goog-api-key", "cache-key").json().get("usageMetadata");
        assertThat(first.has("cachedContentTokenCount")).isFalse();
        JsonNode second = client.post(path, body, "x-goog-api-key", "cache-key").json().get("usageMetadata");
        assertThat(second.get("cachedContentTokenCount").asInt()).isGreaterThanOrEqualTo(1024)
                .isLessThanOrEqualTo(second.get("promptTokenCount").asInt());
    }
}
