package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class NonStreamingDecodeTest {

    private static RecordingSink decode(Provider p, String body) {
        RecordingSink sink = new RecordingSink();
        Codecs.forProvider(p).decodeResponse(body.getBytes(StandardCharsets.UTF_8), sink);
        return sink;
    }

    @Test
    void openAi() {
        RecordingSink sink = decode(Provider.OPENAI, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4.1-nano-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello there","refusal":null,"annotations":[]},
                             "logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":19,"completion_tokens":10,"total_tokens":29,
                          "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                          "completion_tokens_details":{"reasoning_tokens":0}},
                 "service_tier":"default","system_fingerprint":"fp_1"}
                """);
        assertThat(sink.calls).containsExactly("event", "model:gpt-4.1-nano-2025-04-14", "text:Hello there",
                "finish:stop", "usage:19,0,10,0", "done");
    }

    @Test
    void openAiCompatibleReasoning() {
        RecordingSink sink = decode(Provider.GENERIC, """
                {"model":"qwen3","choices":[{"message":{"role":"assistant","reasoning_content":"hmm","content":"4"},"finish_reason":"stop"}]}
                """);
        assertThat(sink.content()).containsExactly("model:qwen3", "thought:hmm", "text:4", "finish:stop", "done");
    }

    @Test
    void anthropic() {
        RecordingSink sink = decode(Provider.ANTHROPIC, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
                 "content":[{"type":"thinking","thinking":"Think.","signature":"sig"},{"type":"text","text":"Hi!"}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"cache_creation_input_tokens":0,"cache_read_input_tokens":30,"output_tokens":6}}
                """);
        assertThat(sink.content()).containsExactly("model:claude-haiku-4-5-20251001", "thought:Think.", "text:Hi!",
                "finish:end_turn", "usage:42,30,6,0", "done");
    }

    @Test
    void gemini() {
        RecordingSink sink = decode(Provider.GEMINI, """
                {"candidates":[{"content":{"parts":[{"text":"thinking...","thought":true},{"text":"Hello"}],"role":"model"},
                  "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":8,"candidatesTokenCount":2,"thoughtsTokenCount":12,"totalTokenCount":22},
                 "modelVersion":"gemini-2.5-flash","responseId":"r"}
                """);
        assertThat(sink.content()).containsExactly("thought:thinking...", "text:Hello", "finish:STOP",
                "usage:8,0,14,12", "model:gemini-2.5-flash", "done");
    }

    @Test
    void malformedBodiesAreProtocolErrorsWithNoContent() {
        for (Provider p : Provider.values()) {
            for (String body : new String[] {"", "[]", "{\"choices\":[{\"message\":{\"content\":\"x\"}}]", "{} {}", "nope"}) {
                RecordingSink sink = decode(p, body);
                assertThat(sink.calls).as("%s %s", p, body).containsExactly("event", "error:PROTOCOL:0");
            }
        }
    }

    @Test
    void errorObjectInA200IsTyped() {
        RecordingSink sink = decode(Provider.ANTHROPIC, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThat(sink.error).isInstanceOf(LlmException.Overloaded.class);
        assertThat(sink.terminals).isEqualTo(1);
    }
}
