package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Message;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Thinking;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestEncodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ChatRequest CONVERSATION = new ChatRequest("ignored", "Be brief.",
            List.of(Message.user("Hi \"there\" \u00e9"), Message.assistant("Hello"), Message.user("Again")),
            64, 0.5, null, Map.of());

    private static JsonNode body(EncodedRequest r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void openAiStreaming() throws IOException {
        EncodedRequest r = Codecs.forProvider(Provider.OPENAI).encode(CONVERSATION.withThinking(new Thinking.Level("LOW")),
                "gpt-4.1-nano", true);
        assertThat(r.pathAndQuery()).isEqualTo("/chat/completions");
        assertThat(r.headers()).containsExactly("content-type", "application/json", "accept", "text/event-stream");
        JsonNode b = body(r);
        assertThat(b.get("model").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(b.get("messages")).hasSize(4);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(b.at("/messages/0/content").asText()).isEqualTo("Be brief.");
        assertThat(b.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/1/content").asText()).isEqualTo("Hi \"there\" \u00e9");
        assertThat(b.at("/messages/2/role").asText()).isEqualTo("assistant");
        assertThat(b.get("max_completion_tokens").asInt()).isEqualTo(64);
        assertThat(b.has("max_tokens")).isFalse();
        assertThat(b.get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(b.get("reasoning_effort").asText()).isEqualTo("low");
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.at("/stream_options/include_usage").asBoolean()).isTrue();
    }

    @Test
    void openAiNonStreamingAndDefaults() throws IOException {
        EncodedRequest r = Codecs.forProvider(Provider.OPENAI).encode(ChatRequest.of("gpt-4.1-nano", "Hi"), "gpt-4.1-nano", false);
        assertThat(r.headers()).containsExactly("content-type", "application/json", "accept", "application/json");
        JsonNode b = body(r);
        assertThat(b.get("messages")).hasSize(1);
        assertThat(b.has("stream")).isFalse();
        assertThat(b.has("stream_options")).isFalse();
        assertThat(b.has("max_completion_tokens")).isFalse();
        assertThat(b.has("temperature")).isFalse();
        assertThat(b.has("reasoning_effort")).isFalse();
    }

    @Test
    void togetherAndGenericUseMaxTokens() throws IOException {
        for (Provider p : List.of(Provider.TOGETHER, Provider.GENERIC)) {
            JsonNode b = body(Codecs.forProvider(p).encode(CONVERSATION, "meta-llama/Llama-3.3-70B-Instruct-Turbo", true));
            assertThat(b.get("max_tokens").asInt()).isEqualTo(64);
            assertThat(b.has("max_completion_tokens")).isFalse();
            assertThat(b.get("model").asText()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct-Turbo");
            assertThat(b.at("/stream_options/include_usage").asBoolean()).isTrue();
        }
    }

    @Test
    void extraFieldsAreMergedAtTopLevelAndWin() throws IOException {
        ChatRequest r = CONVERSATION.withExtra(Map.of(
                "seed", 7,
                "temperature", 1.0,
                "chat_template_kwargs", Map.of("enable_thinking", false),
                "stop", List.of("\n\n")));
        JsonNode b = body(Codecs.forProvider(Provider.GENERIC).encode(r, "qwen3", true));
        assertThat(b.get("seed").asInt()).isEqualTo(7);
        assertThat(b.get("temperature").asDouble()).isEqualTo(1.0);
        assertThat(b.at("/chat_template_kwargs/enable_thinking").asBoolean()).isFalse();
        assertThat(b.at("/stop/0").asText()).isEqualTo("\n\n");
        // No duplicate keys: the raw body mentions temperature once.
        assertThat(new String(Codecs.forProvider(Provider.GENERIC).encode(r, "qwen3", true).body()).split("\"temperature\"", -1))
                .hasSize(2);
    }

    @Test
    void equalRequestsEncodeToEqualBytes() {
        Map<String, Object> extra = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) extra.put("k" + i, i);
        ChatRequest a = CONVERSATION.withExtra(extra);
        ChatRequest b = CONVERSATION.withExtra(new java.util.TreeMap<>(extra));
        assertThat(Codecs.forProvider(Provider.OPENAI).encode(a, "m", true).body())
                .isEqualTo(Codecs.forProvider(Provider.OPENAI).encode(b, "m", true).body());
    }

    @Test
    void unserialisableExtraIsAConfigError() {
        ChatRequest r = CONVERSATION.withExtra(Map.of("bad", new Object()));
        assertThatThrownBy(() -> Codecs.forProvider(Provider.OPENAI).encode(r, "m", true))
                .isInstanceOf(LlmException.Config.class);
    }

    @Test
    void anthropic() throws IOException {
        EncodedRequest r = Codecs.forProvider(Provider.ANTHROPIC).encode(CONVERSATION, "claude-haiku-4-5", true);
        assertThat(r.pathAndQuery()).isEqualTo("/messages");
        assertThat(r.headers()).contains("accept", "text/event-stream");
        JsonNode b = body(r);
        assertThat(b.get("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(b.get("system").asText()).isEqualTo("Be brief.");
        assertThat(b.get("messages")).hasSize(3);
        assertThat(b.at("/messages/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/messages/1/role").asText()).isEqualTo("assistant");
        assertThat(b.get("max_tokens").asInt()).isEqualTo(64);
        assertThat(b.get("stream").asBoolean()).isTrue();
        assertThat(b.has("thinking")).isFalse();
    }

    @Test
    void anthropicDefaultsAndThinking() throws IOException {
        ProviderCodec c = Codecs.forProvider(Provider.ANTHROPIC);
        JsonNode plain = body(c.encode(ChatRequest.of("claude-haiku-4-5", "Hi"), "claude-haiku-4-5", false));
        assertThat(plain.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(plain.has("system")).isFalse();
        assertThat(plain.has("stream")).isFalse();

        JsonNode thinking = body(c.encode(ChatRequest.of("m", "Hi").withThinking(new Thinking.Budget(2048)), "m", true));
        assertThat(thinking.at("/thinking/type").asText()).isEqualTo("enabled");
        assertThat(thinking.at("/thinking/budget_tokens").asInt()).isEqualTo(2048);
        assertThat(thinking.get("max_tokens").asInt()).isGreaterThan(2048);

        JsonNode off = body(c.encode(ChatRequest.of("m", "Hi").withThinking(Thinking.off()), "m", true));
        assertThat(off.at("/thinking/type").asText()).isEqualTo("disabled");

        JsonNode level = body(c.encode(ChatRequest.of("m", "Hi").withThinking(new Thinking.Level("HIGH")), "m", true));
        assertThat(level.has("thinking")).isFalse();
    }

    @Test
    void gemini() throws IOException {
        ProviderCodec c = Codecs.forProvider(Provider.GEMINI);
        EncodedRequest s = c.encode(CONVERSATION.withThinking(Thinking.off()), "gemini-3-flash-preview", true);
        assertThat(s.pathAndQuery()).isEqualTo("/models/gemini-3-flash-preview:streamGenerateContent?alt=sse");
        JsonNode b = body(s);
        assertThat(b.get("contents")).hasSize(3);
        assertThat(b.at("/contents/0/role").asText()).isEqualTo("user");
        assertThat(b.at("/contents/0/parts/0/text").asText()).isEqualTo("Hi \"there\" \u00e9");
        assertThat(b.at("/contents/1/role").asText()).isEqualTo("model");
        assertThat(b.at("/systemInstruction/parts/0/text").asText()).isEqualTo("Be brief.");
        assertThat(b.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(64);
        assertThat(b.at("/generationConfig/temperature").asDouble()).isEqualTo(0.5);
        assertThat(b.at("/generationConfig/thinkingConfig/thinkingBudget").isInt()).isTrue();
        assertThat(b.at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isZero();
        assertThat(b.at("/generationConfig/thinkingConfig").has("thinkingLevel")).isFalse();

        EncodedRequest n = c.encode(ChatRequest.of("gemini/x", "Hi").withThinking(new Thinking.Level("minimal")),
                "models/gemini-2.5-flash", false);
        assertThat(n.pathAndQuery()).isEqualTo("/models/gemini-2.5-flash:generateContent");
        JsonNode nb = body(n);
        assertThat(nb.at("/generationConfig/thinkingConfig/thinkingLevel").asText()).isEqualTo("MINIMAL");
        assertThat(nb.at("/generationConfig/thinkingConfig").has("thinkingBudget")).isFalse();
        assertThat(nb.has("systemInstruction")).isFalse();

        JsonNode bare = body(c.encode(ChatRequest.of("m", "Hi"), "m", true));
        assertThat(bare.has("generationConfig")).isFalse();
    }

    @Test
    void authHeaders() {
        assertThat(auth(Provider.OPENAI)).containsExactly("authorization", "Bearer k-1");
        assertThat(auth(Provider.TOGETHER)).containsExactly("authorization", "Bearer k-1");
        assertThat(auth(Provider.GENERIC)).containsExactly("authorization", "Bearer k-1");
        assertThat(auth(Provider.ANTHROPIC)).containsExactly("x-api-key", "k-1", "anthropic-version", "2023-06-01");
        assertThat(auth(Provider.GEMINI)).containsExactly("x-goog-api-key", "k-1");
    }

    private static List<String> auth(Provider p) {
        List<String> headers = new ArrayList<>();
        Codecs.forProvider(p).authHeaders("k-1", (name, value) -> {
            headers.add(name);
            headers.add(value);
        });
        return headers;
    }

    @Test
    void everyProviderHasItsCodec() {
        for (Provider p : Provider.values()) assertThat(Codecs.forProvider(p).provider()).isEqualTo(p);
    }
}
