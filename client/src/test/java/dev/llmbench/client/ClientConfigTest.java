package dev.llmbench.client;

import dev.llmbench.client.internal.DefaultLlmClient;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing, where settings come from, the missing-key error, and that building a client opens nothing. */
class ClientConfigTest {

    @Test
    void routesByModelName() {
        assertThat(ModelRouter.route("gpt-4.1-nano")).isEqualTo(Provider.OPENAI);
        assertThat(ModelRouter.route("o3-mini")).isEqualTo(Provider.OPENAI);
        assertThat(ModelRouter.route("o4-mini")).isEqualTo(Provider.OPENAI);
        assertThat(ModelRouter.route("o1")).isEqualTo(Provider.OPENAI);
        assertThat(ModelRouter.route("chatgpt-4o-latest")).isEqualTo(Provider.OPENAI);
        assertThat(ModelRouter.route("gemini/gemini-3-flash-preview")).isEqualTo(Provider.GEMINI);
        assertThat(ModelRouter.route("together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo")).isEqualTo(Provider.TOGETHER);
        assertThat(ModelRouter.route("claude-haiku-4-5")).isEqualTo(Provider.ANTHROPIC);
        assertThat(ModelRouter.route("anthropic/claude-haiku-4-5")).isEqualTo(Provider.ANTHROPIC);
        assertThat(ModelRouter.route("llama3.1:8b")).isEqualTo(Provider.GENERIC);
        assertThat(ModelRouter.route("gemini-3-flash")).as("no gemini/ prefix").isEqualTo(Provider.GENERIC);
        assertThat(ModelRouter.providerModel("together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"))
                .isEqualTo("meta-llama/Llama-3.3-70B-Instruct-Turbo");
        assertThat(ModelRouter.providerModel("gemini/gemini-3-flash")).isEqualTo("gemini-3-flash");
        assertThat(ModelRouter.providerModel("gpt-4.1-nano")).isEqualTo("gpt-4.1-nano");
    }

    @Test
    void defaultTransportsFollowTheLessons() {
        try (LlmClient client = LlmClient.builder().env(Map.of()).build()) {
            assertThat(client.settings(Provider.OPENAI).transport()).isEqualTo(TransportKind.OKHTTP_H2);
            assertThat(client.settings(Provider.GEMINI).transport()).isEqualTo(TransportKind.OKHTTP_H2);
            assertThat(client.settings(Provider.TOGETHER).transport()).isEqualTo(TransportKind.OKHTTP_H1);
            assertThat(client.settings(Provider.ANTHROPIC).transport()).isEqualTo(TransportKind.OKHTTP_H1);
            assertThat(client.settings(Provider.GENERIC).transport()).isEqualTo(TransportKind.OKHTTP_H1);
            assertThat(client.settings(Provider.OPENAI).baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(client.settings(Provider.GENERIC).baseUrl()).isNull();
        }
    }

    @Test
    void settingsComeFromBuilderThenEnvironment() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", " sk-a , sk-b,,sk-c ", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1/",
                "ANTHROPIC_API_KEY", "env-key");
        try (LlmClient client = LlmClient.builder().env(env).apiKey(Provider.ANTHROPIC, "builder-key")
                .transport(Provider.OPENAI, TransportKind.NETTY_H2).build()) {
            ProviderSettings openai = client.settings(Provider.OPENAI);
            assertThat(openai.apiKeys()).containsExactly("sk-a", "sk-b", "sk-c");
            assertThat(openai.baseUrl()).isEqualTo("http://127.0.0.1:9/v1");
            assertThat(openai.transport()).isEqualTo(TransportKind.NETTY_H2);
            assertThat(openai.toString()).doesNotContain("sk-a").contains("3 redacted");
            assertThat(client.settings(Provider.ANTHROPIC).apiKeys()).containsExactly("builder-key");
        }
    }

    @Test
    void missingKeyFailsBeforeAnyRequestNamingTheVariable() {
        try (LlmClient client = LlmClient.builder().env(Map.of()).build()) {
            List<LlmException> seen = new ArrayList<>();
            CompletableFuture<ChatResponse> f = client.stream(ChatRequest.of("gpt-4.1-nano", "hi"), new StreamListener() {
                @Override public void onError(LlmException error) { seen.add(error); }
            });
            assertThat(f).isCompletedExceptionally();
            assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(LlmException.Config.class).hasMessageContaining("OPENAI_API_KEY");
            assertThat(seen).singleElement().isInstanceOf(LlmException.Config.class);
            assertThatThrownBy(() -> client.complete(ChatRequest.of("gemini/gemini-3-flash", "hi")).join())
                    .cause().isInstanceOf(LlmException.Config.class).hasMessageContaining("GEMINI_API_KEY");
            assertThatThrownBy(() -> client.complete(ChatRequest.of("llama3", "hi")).join())
                    .cause().isInstanceOf(LlmException.Config.class).hasMessageContaining("OPENAI_COMPATIBLE_BASE_URL");
            assertThat(((DefaultLlmClient) client).timerStarted()).isFalse();
        }
    }

    @Test
    void genericNeedsNoKeyAndKeysRotateRoundRobin() throws Exception {
        try (Simulator sim = Simulator.builder().defaultProfile("zero").start();
             LlmClient client = LlmClient.builder().env(Map.of(
                             "OPENAI_COMPATIBLE_BASE_URL", sim.baseUrl(Simulator.Listener.HTTP, "zero", "v1"),
                             "OPENAI_API_KEY", "sk-one-1234,bad-two-1234",
                             "OPENAI_BASE_URL", sim.baseUrl(Simulator.Listener.HTTP, "zero", "v1")))
                     .build()) {
            // GENERIC without a key: the simulator's generic path rejects a missing key, but the request is sent.
            CompletableFuture<ChatResponse> generic = client.complete(ChatRequest.of("sim-zero", "hi").withMaxTokens(5));
            assertThatThrownBy(() -> generic.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(LlmException.Auth.class);

            // Two keys, one of them rejected: requests alternate between them.
            Set<String> outcomes = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                try {
                    client.complete(ChatRequest.of("gpt-4.1-nano", "hi").withMaxTokens(5)).get(10, TimeUnit.SECONDS);
                    outcomes.add("ok" + (i % 2));
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(LlmException.Auth.class);
                    assertThat(((LlmException) e.getCause()).body()).doesNotContain("bad-two-1234");
                    outcomes.add("auth" + (i % 2));
                }
            }
            assertThat(outcomes).hasSize(2).containsAnyOf("ok0", "ok1").containsAnyOf("auth0", "auth1");
        }
    }

    @Test
    void aBuiltClientKeepsTheConfigurationItWasBuiltWith() {
        Map<String, String> env = new java.util.HashMap<>(Map.of("OPENAI_API_KEY", "sk-env"));
        LlmClient.Builder b = LlmClient.builder().env(env).apiKey(Provider.ANTHROPIC, "sk-first")
                .transport(Provider.OPENAI, TransportKind.NETTY_H2).header("x-a", "1");
        dev.llmbench.client.internal.ClientConfig config = b.config();
        try (LlmClient client = b.build()) {
            env.put("OPENAI_API_KEY", "sk-changed");
            b.apiKey(Provider.ANTHROPIC, "sk-second").transport(Provider.OPENAI, TransportKind.JDK_H1).header("x-b", "2");
            assertThat(client.settings(Provider.OPENAI).apiKeys()).containsExactly("sk-env");
            assertThat(client.settings(Provider.OPENAI).transport()).isEqualTo(TransportKind.NETTY_H2);
            assertThat(client.settings(Provider.ANTHROPIC).apiKeys()).containsExactly("sk-first");
        }
        assertThat(config.headers()).containsExactly(Map.entry("x-a", "1"));
        assertThatThrownBy(() -> config.headers().put("x-c", "3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.apiKeys().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> config.env().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void buildingOpensNothing() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        long t0 = System.nanoTime();
        DefaultLlmClient client = (DefaultLlmClient) LlmClient.builder().env(Map.of("OPENAI_API_KEY", "sk-x")).build();
        long buildNanos = System.nanoTime() - t0;
        Set<Thread> after = new HashSet<>(Thread.getAllStackTraces().keySet());
        after.removeAll(before);
        assertThat(after).filteredOn(t -> t.getName().startsWith("llmbench") || t.getName().startsWith("okhttp")
                || t.getName().startsWith("jdk-h")).isEmpty();
        assertThat(client.timerStarted()).isFalse();
        for (TransportKind k : TransportKind.values()) assertThat(client.openConnections(k)).isEqualTo(-1);
        client.close();
        System.out.println("client construction took " + buildNanos / 1000 + " us");
    }
}
