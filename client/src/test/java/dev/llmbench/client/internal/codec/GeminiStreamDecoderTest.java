package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GeminiStreamDecoderTest {
    private static final ProviderCodec GEMINI = Codecs.forProvider(Provider.GEMINI);

    /** Frames as Gemini sends them: each {@code data:} line ends in CRLF CRLF; no terminal event. */
    static final String GOLDEN = "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hello\"}],\"role\": \"model\"},\"index\": 0}],"
            + "\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 1,\"totalTokenCount\": 10},"
            + "\"modelVersion\": \"gemini-3-flash-preview\",\"responseId\": \"abc\"}\r\n\r\n"
            + "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \" there\"}],\"role\": \"model\"},\"finishReason\": \"STOP\",\"index\": 0}],"
            + "\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": 5,\"thoughtsTokenCount\": 0,\"totalTokenCount\": 14},"
            + "\"modelVersion\": \"gemini-3-flash-preview\",\"responseId\": \"abc\"}\r\n\r\n";

    @Test
    void goldenStream() {
        RecordingSink sink = RecordingSink.decode(GEMINI, GOLDEN);
        assertThat(sink.content()).containsExactly(
                "text:Hello", "usage:9,0,1,0", "model:gemini-3-flash-preview",
                "text: there", "finish:STOP", "usage:9,0,5,0",
                "done");
        assertThat(sink.events()).isEqualTo(2);
    }

    @Test
    void thoughtPartsAndUsageMapping() {
        RecordingSink sink = RecordingSink.decode(GEMINI, """
                data: {"candidates":[{"content":{"parts":[{"text":"**Planning**","thought":true},{"thought":true,"text":"more"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":2000,"cachedContentTokenCount":1500,"candidatesTokenCount":0,"thoughtsTokenCount":40,"totalTokenCount":2040}}

                data: {"candidates":[{"content":{"parts":[{"text":"Answer","thoughtSignature":"c2ln"},{"text":""}],"role":"model"},"finishReason":"MAX_TOKENS","index":0},{"content":{"parts":[{"text":"second candidate"}]}}],"usageMetadata":{"promptTokenCount":2000,"cachedContentTokenCount":1500,"candidatesTokenCount":7,"thoughtsTokenCount":40,"totalTokenCount":2047}}

                """);
        assertThat(sink.content()).containsExactly(
                "thought:**Planning**", "thought:more", "usage:2000,1500,40,40",
                "text:Answer", "finish:MAX_TOKENS", "usage:2000,1500,47,40", "done");
    }

    @Test
    void framesAfterTheFinishReasonAreStillRead() {
        RecordingSink sink = RecordingSink.decode(GEMINI, """
                data: {"candidates":[{"content":{"parts":[{"text":"a"}]},"finishReason":"STOP"}]}

                data: {"usageMetadata":{"promptTokenCount":3,"candidatesTokenCount":1}}

                : sim-truth ttft-us=10 queue-us=0 output-tokens=1 events=2
                """);
        assertThat(sink.content()).containsExactly("text:a", "finish:STOP", "usage:3,0,1,0",
                "comment:sim-truth ttft-us=10 queue-us=0 output-tokens=1 events=2", "done");
    }

    @Test
    void noFinishReasonMeansTruncated() {
        String cut = GOLDEN.substring(0, GOLDEN.indexOf("data:", 10));
        RecordingSink sink = RecordingSink.decode(GEMINI, cut);
        assertThat(sink.content()).containsExactly("text:Hello", "usage:9,0,1,0", "model:gemini-3-flash-preview",
                "error:PROTOCOL:0");
        assertThat(sink.error).hasMessageContaining("truncated");
    }

    @Test
    void blockedPromptEndsTheStream() {
        RecordingSink sink = RecordingSink.decode(GEMINI,
                "data: {\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]},\"usageMetadata\":{\"promptTokenCount\":5}}\n\n");
        assertThat(sink.content()).containsExactly("finish:SAFETY", "usage:5,0,0,0", "done");
    }

    @Test
    void errorFrameIsTypedWithRetryDelay() {
        RecordingSink sink = RecordingSink.decode(GEMINI, """
                data: {"error":{"code":429,"message":"You exceeded your current quota. Please retry in 47.88s.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"m","quotaId":"q"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"47s"}]}}

                """);
        assertThat(sink.error).isInstanceOf(LlmException.RateLimited.class).hasMessageContaining("You exceeded your current quota");
        assertThat(((LlmException.RateLimited) sink.error).retryAfter()).isEqualTo(Duration.ofSeconds(47));

        RecordingSink unavailable = RecordingSink.decode(GEMINI,
                "data: {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}\n\n");
        assertThat(unavailable.error).isInstanceOf(LlmException.Overloaded.class);
    }

    @Test
    void emptyBodyIsProtocolError() {
        RecordingSink sink = RecordingSink.decode(GEMINI, "\r\n");
        assertThat(sink.calls).containsExactly("error:PROTOCOL:0");
    }
}
