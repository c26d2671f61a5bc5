package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Anthropic Messages over a real socket: event names, order, cumulative usage, thinking blocks. */
class AnthropicFormatTest {
    static final SimClient client = SharedSim.client();
    static final String[] AUTH = {"x-api-key", "sk-ant-test", "anthropic-version", "2023-06-01"};

    static String body(String extra) {
        return "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":1024,\"system\":\"Be brief.\","
                + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]" + extra + "}";
    }

    /** Event names in order, checking each data's type equals its event name. */
    static List<String> eventNames(String sse) {
        List<String> names = new ArrayList<>();
        for (List<String> block : SimClient.sseBlocks(sse)) {
            String name = null;
            JsonNode data = null;
            for (String line : block) {
                if (line.startsWith("event: ")) name = line.substring(7);
                if (line.startsWith("data: ")) data = SimClient.dataJson(line + "\n\n").get(0);
            }
            if (name == null) continue;
            assertThat(data).as("data of " + name).isNotNull();
            assertThat(data.get("type").asText()).isEqualTo(name);
            names.add(name);
        }
        return names;
    }

    @Test
    void streamingEventOrderAndUsage() {
        var r = client.post("/quickanthropic/v1/messages", body(",\"stream\":true"), AUTH);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().get("content-type")).startsWith("text/event-stream");
        assertThat(r.headers().get("request-id")).startsWith("req_");
        List<String> names = eventNames(r.body());
        assertThat(names.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
        assertThat(names.subList(names.size() - 3, names.size())).containsExactly("content_block_stop", "message_delta", "message_stop");
        assertThat(names.subList(3, names.size() - 3)).allMatch("content_block_delta"::equals);
        List<JsonNode> data = SimClient.dataJson(r.body());
        JsonNode start = data.get(0).get("message");
        assertThat(start.get("id").asText()).startsWith("msg_");
        assertThat(start.get("role").asText()).isEqualTo("assistant");
        assertThat(start.get("content")).isEmpty();
        assertThat(start.get("stop_reason").isNull()).isTrue();
        int prompt = (int) Math.ceil("Be brief.Say hello".length() / 4.0);
        assertThat(start.at("/usage/input_tokens").asInt()).isEqualTo(prompt);
        assertThat(start.at("/usage/cache_read_input_tokens").asInt()).isZero();
        assertThat(start.at("/usage/cache_creation_input_tokens").asInt()).isZero();
        assertThat(data.get(1).at("/content_block/type").asText()).isEqualTo("text");
        StringBuilder text = new StringBuilder();
        for (JsonNode d : data.subList(3, data.size() - 3)) {
            assertThat(d.at("/delta/type").asText()).isEqualTo("text_delta");
            assertThat(d.get("index").asInt()).isZero();
            text.append(d.at("/delta/text").asText());
        }
        assertThat(text.toString().trim().split(" ").length).isGreaterThan(0);
        JsonNode delta = data.get(data.size() - 2);
        assertThat(delta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(data.size() - 6);
        assertThat(delta.at("/usage/input_tokens").asInt()).isEqualTo(prompt);
    }

    @Test
    void thinkingStreamsThinkingBlockFirst() {
        var r = client.post("/quickanthropic/v1/messages",
                body(",\"stream\":true,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}").replace("1024,", "4096,"), AUTH);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> data = SimClient.dataJson(r.body());
        assertThat(data.get(1).at("/content_block/type").asText()).isEqualTo("thinking");
        List<String> deltaTypes = new ArrayList<>();
        for (JsonNode d : data) if (d.get("type").asText().equals("content_block_delta")) deltaTypes.add(d.at("/delta/type").asText());
        int thinking = (int) deltaTypes.stream().filter("thinking_delta"::equals).count();
        assertThat(thinking).isEqualTo(20);
        assertThat(deltaTypes.subList(0, 20)).allMatch("thinking_delta"::equals);
        assertThat(deltaTypes.get(20)).isEqualTo("signature_delta");
        assertThat(deltaTypes.subList(21, deltaTypes.size())).allMatch("text_delta"::equals);
        JsonNode textStart = data.stream().filter(d -> d.get("type").asText().equals("content_block_start")).toList().get(1);
        assertThat(textStart.get("index").asInt()).isEqualTo(1);
        assertThat(textStart.at("/content_block/type").asText()).isEqualTo("text");
        JsonNode delta = data.get(data.size() - 2);
        assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(20 + deltaTypes.size() - 21);
    }

    @Test
    void nonStreaming() {
        var r = client.post("/quickanthropic/v1/messages", body("").replace("1024", "5"), AUTH);
        assertThat(r.status()).isEqualTo(200);
        JsonNode j = r.json();
        assertThat(j.get("type").asText()).isEqualTo("message");
        assertThat(j.get("role").asText()).isEqualTo("assistant");
        assertThat(j.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(j.get("stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(j.at("/usage/output_tokens").asInt()).isEqualTo(5);
        assertThat(j.get("usage").has("cache_read_input_tokens")).isTrue();
        assertThat(j.get("usage").has("cache_creation_input_tokens")).isTrue();
    }

    @Test
    void modelsListWithAnthropicHeaders() {
        var r = client.get("/anthropic/v1/models", AUTH);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/data/0/type").asText()).isEqualTo("model");
        assertThat(r.json().get("has_more").asBoolean()).isFalse();
    }
}
