package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gemini generateContent / streamGenerateContent over a real socket. */
class GeminiFormatTest {
    static final SimClient client = SharedSim.client();
    static final String PATH = "/quickgemini/v1beta/models/gemini-3-flash-preview:";

    static String body(String thinkingConfig) {
        return "{\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]},\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":"
                + "\"Say hello\"}]}],\"generationConfig\":{\"temperature\":1.0" + thinkingConfig + "}}";
    }

    @Test
    void sseFramesUseCrlfAndLastCarriesFinishAndUsage() {
        var r = client.post(PATH + "streamGenerateContent?alt=sse", body(",\"thinkingConfig\":{\"thinkingBudget\":0}"),
                "x-goog-api-key", "gk-test");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type")).startsWith("text/event-stream");
        String sse = r.body();
        assertThat(sse).startsWith("data: {").endsWith("}\r\n\r\n").doesNotContain("[DONE]");
        assertThat(sse.replace("\r\n", "")).doesNotContain("\n");
        List<JsonNode> frames = SimClient.dataJson(sse);
        assertThat(frames).hasSize((134 + 15) / 16);
        StringBuilder text = new StringBuilder();
        for (JsonNode f : frames) {
            assertThat(f.at("/candidates/0/content/role").asText()).isEqualTo("model");
            assertThat(f.at("/candidates/0/content/parts/0").has("thought")).isFalse();
            assertThat(f.get("modelVersion").asText()).isEqualTo("gemini-3-flash-preview");
            assertThat(f.get("responseId").asText()).isEqualTo(frames.get(0).get("responseId").asText());
            text.append(f.at("/candidates/0/content/parts/0/text").asText());
        }
        for (JsonNode f : frames.subList(0, frames.size() - 1)) assertThat(f.at("/candidates/0").has("finishReason")).isFalse();
        JsonNode last = frames.get(frames.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        JsonNode usage = last.get("usageMetadata");
        int prompt = (int) Math.ceil("Be brief.Say hello".length() / 4.0);
        assertThat(usage.get("promptTokenCount").asInt()).isEqualTo(prompt);
        assertThat(usage.get("candidatesTokenCount").asInt()).isEqualTo(134);
        assertThat(usage.get("totalTokenCount").asInt()).isEqualTo(prompt + 134);
        assertThat(usage.has("thoughtsTokenCount")).isFalse();
        assertThat(text.toString().split(" ").length - 1).isEqualTo(134);
    }

    @Test
    void thoughtPartsWhenIncludeThoughts() {
        var r = client.post(PATH + "streamGenerateContent?alt=sse",
                body(",\"thinkingConfig\":{\"thinkingLevel\":\"LOW\",\"includeThoughts\":true}"), "x-goog-api-key", "gk-test");
        List<JsonNode> frames = SimClient.dataJson(r.body());
        JsonNode first = frames.get(0).at("/candidates/0/content/parts/0");
        assertThat(first.get("thought").asBoolean()).isTrue();
        long thoughtFrames = frames.stream().filter(f -> f.at("/candidates/0/content/parts/0/thought").asBoolean(false)).count();
        assertThat(thoughtFrames).isEqualTo((30 + 15) / 16);
        JsonNode usage = frames.get(frames.size() - 1).get("usageMetadata");
        assertThat(usage.get("thoughtsTokenCount").asInt()).isEqualTo(30);
        assertThat(usage.get("totalTokenCount").asInt())
                .isEqualTo(usage.get("promptTokenCount").asInt() + usage.get("candidatesTokenCount").asInt() + 30);
    }

    @Test
    void thinkingByDefaultIsHiddenButCounted() {
        var r = client.post(PATH + "generateContent", body(""), "x-goog-api-key", "gk-test");
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.at("/candidates/0/content/parts")).hasSize(1);
        assertThat(j.at("/usageMetadata/thoughtsTokenCount").asInt()).isEqualTo(30);
        assertThat(j.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    }

    @Test
    void keyInQueryAndMaxOutputTokens() {
        var r = client.post(PATH + "generateContent?key=gk-test", body(",\"maxOutputTokens\":7,\"thinkingConfig\":{\"thinkingBudget\":0}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(j.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(7);
    }

    @Test
    void streamWithoutAltSseIsAJsonArray() {
        var r = client.post(PATH + "streamGenerateContent", body(",\"thinkingConfig\":{\"thinkingBudget\":0}"), "x-goog-api-key", "gk-test");
        JsonNode array = r.json();
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize((134 + 15) / 16);
        assertThat(array.get(array.size() - 1).at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    }

    @Test
    void bothThinkingBudgetAndLevelIsTheExact400() {
        var r = client.post(PATH + "generateContent", body(",\"thinkingConfig\":{\"thinkingBudget\":0,\"thinkingLevel\":\"LOW\"}"),
                "x-goog-api-key", "gk-test");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"You can only set only one of thinking budget and"
                + " thinking level.\",\"status\":\"INVALID_ARGUMENT\"}}");
    }

    @Test
    void modelsList() {
        var r = client.get("/gemini/v1beta/models", "x-goog-api-key", "gk-test");
        assertThat(r.json().at("/models/0/name").asText()).isEqualTo("models/gemini-3-flash-preview");
    }
}
