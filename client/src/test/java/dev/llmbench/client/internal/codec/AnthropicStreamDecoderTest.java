package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicStreamDecoderTest {
    private static final ProviderCodec ANTHROPIC = Codecs.forProvider(Provider.ANTHROPIC);

    /** A stream as Anthropic documents it (text only). */
    static final String GOLDEN = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-haiku-4-5-20251001","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" world \\u2014 ok"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":15}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    @Test
    void goldenStream() {
        RecordingSink sink = RecordingSink.decode(ANTHROPIC, GOLDEN);
        assertThat(sink.content()).containsExactly(
                "model:claude-haiku-4-5-20251001",
                "usage:25,0,1,0",
                "text:Hello",
                "text: world \u2014 ok",
                "finish:end_turn",
                "usage:25,0,15,0",
                "done");
        assertThat(sink.events()).isEqualTo(8);
    }

    @Test
    void thinkingBlocksAreThoughtTextAndSignaturesAreIgnored() {
        RecordingSink sink = RecordingSink.decode(ANTHROPIC, """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant","content":[],"model":"claude-sonnet-4-5","stop_reason":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":100,"cache_read_input_tokens":2048,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"Let me see."}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"EqQBCgIYAhIM1gbcDa9GJwZA2b3h"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"index":1,"delta":{"text":"42","type":"text_delta"},"type":"content_block_delta"}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"input_tokens":10,"cache_creation_input_tokens":100,"cache_read_input_tokens":2048,"output_tokens":300}}

                event: message_stop
                data: {"type":"message_stop"}

                """);
        assertThat(sink.content()).containsExactly(
                "model:claude-sonnet-4-5",
                "usage:2158,2048,1,0",
                "thought:Let me see.",
                "text:42",
                "finish:max_tokens",
                "usage:2158,2048,300,0",
                "done");
    }

    @Test
    void errorEventsAreTyped() {
        assertThat(errorOf("overloaded_error", "Overloaded")).isInstanceOf(LlmException.Overloaded.class)
                .hasMessageContaining("Overloaded");
        assertThat(errorOf("rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"))
                .isInstanceOf(LlmException.RateLimited.class);
        assertThat(errorOf("api_error", "Internal server error")).isInstanceOf(LlmException.ServerError.class);
        assertThat(errorOf("invalid_request_error", "bad")).isInstanceOf(LlmException.BadRequest.class);
        assertThat(errorOf("authentication_error", "invalid x-api-key")).isInstanceOf(LlmException.Auth.class);
        assertThat(errorOf("something_new", "?")).isInstanceOf(LlmException.ServerError.class);
    }

    private static LlmException errorOf(String type, String message) {
        RecordingSink sink = RecordingSink.decode(ANTHROPIC, """
                event: message_start
                data: {"type":"message_start","message":{"model":"claude-haiku-4-5","usage":{"input_tokens":3,"output_tokens":1}}}

                event: error
                data: {"type":"error","error":{"type":"%s","message":"%s"}}

                event: message_stop
                data: {"type":"message_stop"}

                """.formatted(type, message));
        assertThat(sink.terminals).isEqualTo(1);
        assertThat(sink.last()).startsWith("error:");
        assertThat(sink.error.body()).contains(type);
        return sink.error;
    }

    @Test
    void eventsWithoutNamesAreReadByTheirDataType() {
        RecordingSink sink = RecordingSink.decode(ANTHROPIC, """
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}}

                data: {"type":"message_stop"}

                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"late"}}

                """);
        assertThat(sink.content()).containsExactly("text:x", "done");
    }

    @Test
    void missingMessageStopIsTruncated() {
        String cut = GOLDEN.substring(0, GOLDEN.indexOf("event: message_stop"));
        RecordingSink sink = RecordingSink.decode(ANTHROPIC, cut);
        assertThat(sink.last()).isEqualTo("error:PROTOCOL:0");
        assertThat(sink.error).hasMessageContaining("truncated").hasMessageContaining("message_stop");
    }

    @Test
    void malformedEventDataIsProtocolError() {
        RecordingSink sink = RecordingSink.decode(ANTHROPIC, """
                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"x"}}}

                event: message_stop
                data: {"type":"message_stop"}

                """);
        assertThat(sink.content()).containsExactly("error:PROTOCOL:0");
    }
}
