package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI Chat Completions over a real socket, parsed with Jackson from the raw bytes. */
class OpenAiFormatTest {
    static final SimClient client = SharedSim.client();

    static final String CHAT = "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
            + "{\"role\":\"user\",\"content\":\"Say hello\"}]";

    @Test
    void streamingWithUsage() {
        var r = client.post("/zero/v1/chat/completions", CHAT + ",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
                "authorization", "Bearer sk-test");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type")).startsWith("text/event-stream");
        String body = r.body();
        assertThat(body).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = SimClient.dataJson(body);
        // role delta + 134 content + finish + usage
        assertThat(chunks).hasSize(1 + 134 + 2);
        JsonNode first = chunks.get(0);
        assertThat(first.get("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.get("id").asText()).startsWith("chatcmpl-");
        assertThat(first.get("model").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(first.get("created").isIntegralNumber()).isTrue();
        assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(first.at("/choices/0/delta/content").asText()).isEmpty();
        assertThat(first.has("usage") && first.get("usage").isNull()).isTrue();
        StringBuilder text = new StringBuilder();
        for (JsonNode c : chunks.subList(1, 135)) {
            assertThat(c.at("/choices/0/finish_reason").isNull()).isTrue();
            assertThat(c.get("usage").isNull()).isTrue();
            assertThat(c.at("/choices/0/delta").has("role")).isFalse();
            text.append(c.at("/choices/0/delta/content").asText());
        }
        assertThat(text.toString()).startsWith(" The quick brown fox");
        JsonNode finish = chunks.get(135);
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.at("/choices/0/delta").size()).isZero();
        JsonNode usageChunk = chunks.get(136);
        assertThat(usageChunk.get("choices").isArray()).isTrue();
        assertThat(usageChunk.get("choices")).isEmpty();
        JsonNode usage = usageChunk.get("usage");
        int prompt = (int) Math.ceil("Be brief.Say hello".length() / 4.0);
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(prompt);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(134);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(prompt + 134);
        assertThat(usage.at("/prompt_tokens_details/cached_tokens").asInt()).isZero();
        assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asInt()).isZero();
        // Every chunk shares the id.
        assertThat(chunks).allSatisfy(c -> assertThat(c.get("id").asText()).isEqualTo(first.get("id").asText()));
    }

    @Test
    void streamingWithoutUsageHasNoUsageField() {
        var r = client.post("/zero/v1/chat/completions", CHAT + ",\"stream\":true}", "authorization", "Bearer sk-test");
        List<JsonNode> chunks = SimClient.dataJson(r.body());
        assertThat(chunks).hasSize(1 + 134 + 1);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.has("usage")).isFalse();
            assertThat(c.get("choices")).hasSize(1);
        });
        assertThat(r.body()).endsWith("data: [DONE]\n\n");
        assertThat(r.body()).doesNotContain("event:");
    }

    @Test
    void nonStreaming() {
        var r = client.post("/zero/v1/chat/completions", CHAT + ",\"max_tokens\":10}", "authorization", "Bearer sk-test");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        JsonNode j = r.json();
        assertThat(j.get("object").asText()).isEqualTo("chat.completion");
        assertThat(j.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(j.at("/choices/0/message/content").asText().split(" ", -1)).hasSize(11);
        assertThat(j.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(j.at("/usage/completion_tokens").asInt()).isEqualTo(10);
        assertThat(j.at("/usage/prompt_tokens_details/cached_tokens").isInt()).isTrue();
        assertThat(j.at("/usage/completion_tokens_details/reasoning_tokens").isInt()).isTrue();
        assertThat(j.get("system_fingerprint").asText()).isNotEmpty();
    }

    @Test
    void reasoningEffortReportsHiddenReasoningTokens() {
        var r = client.post("/zero/v1/chat/completions", CHAT + ",\"reasoning_effort\":\"low\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true}}", "authorization", "Bearer sk-test");
        List<JsonNode> chunks = SimClient.dataJson(r.body());
        JsonNode usage = chunks.get(chunks.size() - 1).get("usage");
        assertThat(usage.at("/completion_tokens_details/reasoning_tokens").asInt()).isEqualTo(20);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(154);
        // reasoning is hidden: only the 134 answer tokens are streamed
        assertThat(chunks).hasSize(1 + 134 + 2);
    }

    @Test
    void modelsList() {
        var r = client.get("/openai/v1/models", "authorization", "Bearer sk-test");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("object").asText()).isEqualTo("list");
        assertThat(j.get("data").get(0).get("id").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(j.get("data").get(0).get("object").asText()).isEqualTo("model");
    }

    @Test
    void togetherFinishReasonIsEos() {
        var r = client.post("/quicktogether/v1/chat/completions", CHAT + ",\"stream\":true}", "authorization", "Bearer sk-test");
        List<JsonNode> chunks = SimClient.dataJson(r.body());
        assertThat(chunks.get(chunks.size() - 1).at("/choices/0/finish_reason").asText()).isEqualTo("eos");
        var whole = client.post("/quicktogether/v1/chat/completions", CHAT + "}", "authorization", "Bearer sk-test");
        assertThat(whole.json().at("/choices/0/finish_reason").asText()).isEqualTo("eos");
    }
}
