package dev.llmbench.client.cache;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Message;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Thinking;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CacheKeyTest {
    private static final ChatRequest BASE = new ChatRequest("gemini/gemini-3-flash-preview", "be brief",
            List.of(Message.user("hi"), Message.assistant("hello"), Message.user("bye")), 256, 1.0, Thinking.off(),
            Map.of("topP", 0.9));

    @Test
    void isStableAndIndependentOfMapOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", Map.of("z", 1, "y", 2));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", Map.of("y", 2, "z", 1));
        b.put("b", 1);
        assertThat(CacheKey.of(BASE.withExtra(a), Provider.GEMINI)).isEqualTo(CacheKey.of(BASE.withExtra(b), Provider.GEMINI));
        assertThat(CacheKey.of(BASE, Provider.GEMINI).hex()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(CacheKey.canonicalJson(BASE, Provider.GEMINI, null)).startsWith("{\"endpoint\":null,\"extra\":{\"topP\":0.9}");
    }

    @Test
    void changesWithEverythingThatChangesTheOutput() {
        List<ChatRequest> variants = new ArrayList<>(List.of(
                BASE,
                BASE.withModel("gemini/gemini-2.5-flash"),
                BASE.withSystem(null),
                BASE.withSystem("be verbose"),
                BASE.withMaxTokens(257),
                BASE.withMaxTokens(null),
                BASE.withTemperature(0.7),
                BASE.withThinking(null),
                BASE.withThinking(new Thinking.Budget(1024)),
                BASE.withThinking(new Thinking.Level("MINIMAL")),
                BASE.withExtra(Map.of()),
                new ChatRequest(BASE.model(), BASE.system(), List.of(Message.user("hi")), 256, 1.0, Thinking.off(), BASE.extra()),
                new ChatRequest(BASE.model(), BASE.system(), List.of(Message.assistant("hi"), Message.assistant("hello"),
                        Message.user("bye")), 256, 1.0, Thinking.off(), BASE.extra())));
        List<String> keys = new ArrayList<>();
        for (ChatRequest r : variants) keys.add(CacheKey.of(r, Provider.GEMINI).hex());
        keys.add(CacheKey.of(BASE, Provider.GENERIC).hex());
        keys.add(CacheKey.of(BASE, Provider.GEMINI, "http://127.0.0.1:8080/gemini/v1beta").hex());
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void thinkingOffIsNotTheProviderDefault() {
        // The lessons: the cache key must reflect the actual thinking config.
        assertThat(CacheKey.of(BASE.withThinking(new Thinking.Budget(0)), Provider.GEMINI))
                .isNotEqualTo(CacheKey.of(BASE.withThinking(null), Provider.GEMINI));
    }

    @Test
    void routingPrefixDoesNotChangeTheKey() {
        ChatRequest plain = BASE.withModel("gemini-3-flash-preview");
        assertThat(CacheKey.of(plain, Provider.GEMINI)).isEqualTo(CacheKey.of(BASE, Provider.GEMINI));
    }

    @Test
    void endpointCredentialsAndQueryAreDropped() {
        String a = CacheKey.canonicalJson(BASE, Provider.GEMINI, "https://user:pw@host.example/v1beta/?key=sk-secret#x");
        assertThat(a).doesNotContain("sk-secret").doesNotContain("pw").contains("\"endpoint\":\"https://host.example/v1beta\"");
        assertThat(CacheKey.of(BASE, Provider.GEMINI, "https://host.example/v1beta/"))
                .isEqualTo(CacheKey.of(BASE, Provider.GEMINI, "https://host.example/v1beta?key=other"));
    }

    @Test
    void canonicalJsonHoldsOnlyTheRequestFieldsNeverAKey() throws Exception {
        JsonNode doc = CacheJson.MAPPER.readTree(CacheKey.canonicalJson(BASE, Provider.GEMINI, "http://127.0.0.1:1/v1"));
        List<String> fields = new ArrayList<>();
        doc.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("endpoint", "extra", "maxTokens", "messages", "model", "provider", "system",
                "temperature", "thinking", "v");
        assertThat(doc.get("model").asText()).isEqualTo("gemini-3-flash-preview");
        assertThat(doc.get("thinking").get("budget").asInt()).isZero();
    }

    @Test
    void shardComesFromTheFirstBytes() {
        CacheKey k = new CacheKey("0000000a" + "0".repeat(56));
        assertThat(k.shard(8)).isEqualTo(2);
        assertThat(new CacheKey("ffffffff" + "0".repeat(56)).shard(8)).isEqualTo(7);
        assertThat(k.toString()).doesNotContain(k.hex());
    }
}
