package dev.llmbench.simulator.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The unmodified official SDKs complete streaming requests against the simulator: the best proof of the formats. */
class OfficialSdkTest {
    static Simulator sim;

    @BeforeAll
    static void start() {
        // Real profiles, but without the network and latency delays so the test stays short.
        sim = Simulator.builder().seed(3)
                .set("openai.latency.medianMs", "5").set("openai.decode.tokensPerSecond", "0")
                .set("anthropic.latency.medianMs", "5").set("anthropic.decode.tokensPerSecond", "0")
                .start();
    }

    @AfterAll
    static void stop() { sim.close(); }

    @Test
    void openAiJavaStreamsChatCompletionWithUsage() {
        OpenAIClient client = OpenAIOkHttpClient.builder().apiKey("sk-sim-test")
                .baseUrl(sim.baseUrl(Simulator.Listener.HTTP, "openai", "v1")).maxRetries(0).build();
        try {
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("gpt-4.1-nano")
                    .addSystemMessage("Be brief.").addUserMessage("Say hello")
                    .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
            ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();
            StringBuilder text = new StringBuilder();
            int chunks;
            try (var stream = client.chat().completions().createStreaming(params)) {
                chunks = (int) stream.stream().peek(acc::accumulate)
                        .peek(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)))
                        .count();
            }
            ChatCompletion done = acc.chatCompletion();
            assertThat(text.toString()).startsWith(" The quick brown fox");
            assertThat(done.choices().get(0).message().content()).contains(text.toString());
            assertThat(done.choices().get(0).finishReason().asString()).isIn("stop", "length");
            var usage = done.usage().orElseThrow();
            assertThat(usage.completionTokens()).isPositive();
            assertThat(chunks).isEqualTo((int) usage.completionTokens() + 3);
            assertThat(usage.promptTokens()).isEqualTo((long) Math.ceil("Be brief.Say hello".length() / 4.0));
            assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens().orElseThrow()).isZero();

            ChatCompletion whole = client.chat().completions().create(params.toBuilder().streamOptions(java.util.Optional.empty()).build());
            assertThat(whole.choices().get(0).message().content().orElseThrow()).isNotBlank();
            assertThat(whole.usage().orElseThrow().totalTokens()).isPositive();
        } finally {
            client.close();
        }
    }

    @Test
    void anthropicJavaStreamsMessageWithThinking() {
        AnthropicClient client = AnthropicOkHttpClient.builder().apiKey("sk-ant-sim-test")
                .baseUrl(sim.root(Simulator.Listener.HTTP) + "/anthropic").maxRetries(0).build();
        try {
            MessageCreateParams params = MessageCreateParams.builder().model("claude-haiku-4-5").maxTokens(4096)
                    .system("Be brief.").addUserMessage("Say hello").enabledThinking(1024).build();
            MessageAccumulator acc = MessageAccumulator.create();
            StringBuilder text = new StringBuilder();
            try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
                stream.stream().peek(acc::accumulate).forEach(e -> e.contentBlockDelta()
                        .flatMap(d -> d.delta().text()).ifPresent(t -> text.append(t.text())));
            }
            Message message = acc.message();
            assertThat(text.toString()).startsWith(" The quick brown fox");
            assertThat(message.content()).hasSize(2);
            assertThat(message.content().get(0).thinking().orElseThrow().thinking()).startsWith(" Let me think");
            assertThat(message.content().get(1).text().orElseThrow().text()).isEqualTo(text.toString());
            assertThat(message.usage().outputTokens()).isGreaterThan(200);
            assertThat(message.usage().inputTokens()).isEqualTo((long) Math.ceil("Be brief.Say hello".length() / 4.0));
            assertThat(message.stopReason().orElseThrow().asString()).isIn("end_turn", "max_tokens");

            Message whole = client.messages().create(params);
            assertThat(whole.content().get(1).text().orElseThrow().text()).isNotBlank();
        } finally {
            client.close();
        }
    }
}
