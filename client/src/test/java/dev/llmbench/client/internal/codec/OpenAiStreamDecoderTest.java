package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiStreamDecoderTest {
    private static final ProviderCodec OPENAI = Codecs.forProvider(Provider.OPENAI);

    /** A stream as OpenAI documents it, with stream_options.include_usage. */
    static final String GOLDEN = """
            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1-nano-2025-04-14","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1-nano-2025-04-14","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":"Hi"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1-nano-2025-04-14","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"content":" th\\u00e9re \\"\\ud83d\\ude00\\"\\n"},"logprobs":null,"finish_reason":null}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1-nano-2025-04-14","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

            data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4.1-nano-2025-04-14","system_fingerprint":"fp_1","choices":[],"usage":{"prompt_tokens":1200,"completion_tokens":5,"total_tokens":1205,"prompt_tokens_details":{"cached_tokens":1024,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}

            data: [DONE]

            """;

    @Test
    void goldenStream() {
        RecordingSink sink = RecordingSink.decode(OPENAI, GOLDEN);
        assertThat(sink.content()).containsExactly(
                "model:gpt-4.1-nano-2025-04-14",
                "text:Hi",
                "text: th\u00e9re \"\uD83D\uDE00\"\n",
                "finish:stop",
                "usage:1200,1024,5,0",
                "done");
        assertThat(sink.events()).isEqualTo(6);
    }

    @Test
    void roleOnlyAndNullContentAreNeverText() {
        RecordingSink sink = RecordingSink.decode(OPENAI, """
                data: {"choices":[{"index":0,"delta":{"role":"assistant"}}]}

                data: {"choices":[{"index":0,"delta":{"role":"assistant","content":null}}]}

                data: {"choices":[{"index":0,"delta":{"content":""}}]}

                data: [DONE]

                """);
        assertThat(sink.content()).containsExactly("done");
    }

    @Test
    void reasoningContentIsThoughtText() {
        RecordingSink sink = RecordingSink.decode(Codecs.forProvider(Provider.GENERIC), """
                data: {"model":"deepseek-r1","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"Let me think"}}]}

                data: {"choices":[{"index":0,"delta":{"reasoning":"More","reasoning_content":"More"}}]}

                data: {"choices":[{"index":0,"delta":{"content":"Answer","reasoning_content":null}}]}

                data: {"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}

                data: {"choices":null,"usage":{"prompt_tokens":9,"completion_tokens":30,"total_tokens":39,"completion_tokens_details":{"reasoning_tokens":22},"prompt_tokens_details":null}}

                data: [DONE]

                """);
        assertThat(sink.content()).containsExactly(
                "model:deepseek-r1", "thought:Let me think", "thought:More", "text:Answer", "finish:length",
                "usage:9,0,30,22", "done");
    }

    @Test
    void togetherStyleUsageOnTheLastContentChunk() {
        RecordingSink sink = RecordingSink.decode(Codecs.forProvider(Provider.TOGETHER), """
                data: {"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"text":"Hi","logprobs":null,"finish_reason":null,"delta":{"token_id":13347,"role":"assistant","content":"Hi","tool_calls":null}}],"model":"meta-llama/Llama-3.3-70B-Instruct-Turbo","usage":null}

                data: {"id":"x","object":"chat.completion.chunk","choices":[{"index":0,"text":"","logprobs":null,"finish_reason":"eos","seed":42,"delta":{"token_id":128009,"role":"assistant","content":"","tool_calls":null}}],"model":"meta-llama/Llama-3.3-70B-Instruct-Turbo","usage":{"prompt_tokens":40,"completion_tokens":2,"total_tokens":42,"cached_tokens":0}}

                data: [DONE]

                """);
        assertThat(sink.content()).containsExactly(
                "text:Hi", "model:meta-llama/Llama-3.3-70B-Instruct-Turbo", "finish:eos", "usage:40,0,2,0", "done");
    }

    @Test
    void commentsAreForwardedBeforeTheirEvent() {
        RecordingSink sink = RecordingSink.decode(OPENAI, """
                : sim-t-us=1500
                data: {"choices":[{"index":0,"delta":{"content":"a"}}]}

                : sim-truth ttft-us=1500 queue-us=0 output-tokens=1 events=2
                :sim-t-us=1700
                data: [DONE]

                """);
        assertThat(sink.calls).containsExactly(
                "comment:sim-t-us=1500", "event", "text:a",
                "comment:sim-truth ttft-us=1500 queue-us=0 output-tokens=1 events=2", "comment:sim-t-us=1700",
                "event", "done");
    }

    @Test
    void eventsAfterDoneAreIgnored() {
        RecordingSink sink = RecordingSink.decode(OPENAI, """
                data: [DONE]

                data: {"choices":[{"index":0,"delta":{"content":"late"}}]}

                data: not json

                """);
        assertThat(sink.calls).containsExactly("event", "done");
    }

    @Test
    void midStreamErrorIsTyped() {
        RecordingSink sink = RecordingSink.decode(OPENAI, """
                data: {"choices":[{"index":0,"delta":{"content":"a"}}]}

                data: {"error":{"message":"Rate limit reached for gpt-4.1-nano","type":"tokens","param":null,"code":"rate_limit_exceeded"}}

                data: [DONE]

                """);
        assertThat(sink.content()).containsExactly("text:a", "error:RATE_LIMITED:429");
        assertThat(sink.error).isInstanceOf(LlmException.RateLimited.class)
                .hasMessageContaining("Rate limit reached for gpt-4.1-nano");
        assertThat(sink.error.body()).contains("rate_limit_exceeded");
    }

    @Test
    void serverErrorInStreamWithoutTypeIsServerError() {
        RecordingSink sink = RecordingSink.decode(OPENAI, "data: {\"error\":{\"message\":\"The server had an error\"}}\n\n");
        assertThat(sink.error).isInstanceOf(LlmException.ServerError.class).hasMessageContaining("The server had an error");
    }

    @Test
    void vllmTopLevelErrorObject() {
        RecordingSink sink = RecordingSink.decode(Codecs.forProvider(Provider.GENERIC),
                "data: {\"object\":\"error\",\"message\":\"maximum context length is 4096\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}\n\n");
        assertThat(sink.error).isInstanceOf(LlmException.BadRequest.class).hasMessageContaining("maximum context length");
        assertThat(sink.error.status()).isEqualTo(400);
    }

    @Test
    void malformedJsonIsAProtocolErrorAndStopsTheStream() {
        RecordingSink sink = RecordingSink.decode(OPENAI, """
                data: {"choices":[{"index":0,"delta":{"content":"a"}}]}

                data: {"choices":[{"index":0,"delta":{"content":"b"

                data: {"choices":[{"index":0,"delta":{"content":"c"}}]}

                data: [DONE]

                """);
        assertThat(sink.content()).containsExactly("text:a", "error:PROTOCOL:0");
        assertThat(sink.error).isInstanceOf(LlmException.Protocol.class);
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        RecordingSink a = RecordingSink.decode(OPENAI, "data: {\"choices\":[]} {\"x\":1}\n\ndata: [DONE]\n\n");
        RecordingSink b = RecordingSink.decode(OPENAI, "data: {\"choices\":[]} \"open}\n\ndata: [DONE]\n\n");
        RecordingSink c = RecordingSink.decode(OPENAI, "data: [1,2]\n\ndata: [DONE]\n\n");
        assertThat(a.error).isInstanceOf(LlmException.Protocol.class);
        assertThat(b.error).isInstanceOf(LlmException.Protocol.class);
        assertThat(c.error).isInstanceOf(LlmException.Protocol.class);
    }

    @Test
    void truncatedAndEmptyStreamsAreProtocolErrors() {
        RecordingSink truncated = RecordingSink.decode(OPENAI,
                "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        assertThat(truncated.last()).isEqualTo("error:PROTOCOL:0");
        assertThat(truncated.error).hasMessageContaining("truncated");

        RecordingSink empty = RecordingSink.decode(OPENAI, "");
        assertThat(empty.calls).containsExactly("error:PROTOCOL:0");
        assertThat(empty.error).hasMessageContaining("empty stream");

        RecordingSink onlyComments = RecordingSink.decode(OPENAI, ": keep-alive\n\n");
        assertThat(onlyComments.content()).containsExactly("comment:keep-alive", "error:PROTOCOL:0");
    }

    @Test
    void finalEventWithoutBlankLineIsStillRead() {
        RecordingSink sink = RecordingSink.decode(OPENAI, "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE]");
        assertThat(sink.content()).containsExactly("text:x", "done");
    }

    @Test
    void blankDataEventsAreSkipped() {
        RecordingSink sink = RecordingSink.decode(OPENAI, "data:\n\ndata:  \n\ndata: [DONE]\n\n");
        assertThat(sink.content()).containsExactly("done");
    }

    @Test
    void nestedUnknownStructuresAreSkipped() {
        RecordingSink sink = RecordingSink.decode(OPENAI, """
                data: {"choices":[{"index":0,"logprobs":{"content":[{"token":"a","top_logprobs":[{"token":"b","bytes":[98]}]}]},"delta":{"content":"a","tool_calls":[{"index":0,"function":{"arguments":"{}"}}]}}],"model":{"weird":[1,{"content":"no"}]}}

                data: [DONE]

                """);
        assertThat(sink.content()).containsExactly("text:a", "done");
    }
}
