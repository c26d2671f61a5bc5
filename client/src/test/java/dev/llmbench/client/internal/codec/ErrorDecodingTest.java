package dev.llmbench.client.internal.codec;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ErrorDecodingTest {
    private static final ProviderCodec OPENAI = Codecs.forProvider(Provider.OPENAI);
    private static final ProviderCodec ANTHROPIC = Codecs.forProvider(Provider.ANTHROPIC);
    private static final ProviderCodec GEMINI = Codecs.forProvider(Provider.GEMINI);

    private static HeaderLookup headers(String... nameValues) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValues.length; i += 2) m.put(nameValues[i], nameValues[i + 1]);
        return m::get;
    }

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    @Test
    void openAiRateLimitWithHeaders() {
        String body = "{\"error\":{\"message\":\"Rate limit reached for gpt-4.1-nano on tokens per min (TPM): Limit 30000, "
                + "Used 29937, Requested 385. Please try again in 644ms.\",\"type\":\"tokens\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
        LlmException e = OPENAI.decodeError(429, headers(
                "X-RateLimit-Limit-Requests", "500", "x-ratelimit-remaining-requests", "499",
                "x-ratelimit-reset-requests", "120ms", "x-ratelimit-limit-tokens", "30000",
                "x-ratelimit-remaining-tokens", "63", "x-ratelimit-reset-tokens", "644ms",
                "retry-after", "1", "retry-after-ms", "644", "content-type", "application/json"), bytes(body));
        assertThat(e).isInstanceOf(LlmException.RateLimited.class)
                .hasMessageContaining("OpenAI 429")
                .hasMessageContaining("Please try again in 644ms");
        LlmException.RateLimited rl = (LlmException.RateLimited) e;
        assertThat(rl.retryAfter()).isEqualTo(Duration.ofMillis(644));
        assertThat(rl.limitHeaders()).containsEntry("x-ratelimit-limit-requests", "500")
                .containsEntry("x-ratelimit-reset-tokens", "644ms")
                .containsEntry("retry-after", "1")
                .containsEntry("retry-after-ms", "644")
                .doesNotContainKey("content-type")
                .hasSize(8);
        assertThat(e.body()).isEqualTo(body);
        assertThat(e.status()).isEqualTo(429);
    }

    @Test
    void retryAfterSecondsAndHttpDate() {
        LlmException.RateLimited seconds = (LlmException.RateLimited) ANTHROPIC.decodeError(429,
                headers("retry-after", "17", "anthropic-ratelimit-tokens-remaining", "0",
                        "anthropic-ratelimit-input-tokens-reset", "2026-11-28T11:00:00Z"),
                bytes("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request would exceed the rate limit\"},\"request_id\":\"req_1\"}"));
        assertThat(seconds.retryAfter()).isEqualTo(Duration.ofSeconds(17));
        assertThat(seconds.limitHeaders()).containsKeys("retry-after", "anthropic-ratelimit-tokens-remaining",
                "anthropic-ratelimit-input-tokens-reset");
        assertThat(seconds).hasMessageContaining("rate_limit_error").hasMessageContaining("would exceed the rate limit");

        String date = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120)
                .format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US));
        LlmException.RateLimited http = (LlmException.RateLimited) OPENAI.decodeError(429, headers("Retry-After", date), new byte[0]);
        assertThat(http.retryAfter().toSeconds()).isCloseTo(120, within(5L));

        LlmException.RateLimited none = (LlmException.RateLimited) OPENAI.decodeError(429, HeaderLookup.EMPTY, new byte[0]);
        assertThat(none.retryAfter()).isNull();
        assertThat(none.limitHeaders()).isEmpty();
        assertThat(none).hasMessageContaining("429").hasMessageContaining("empty body");

        LlmException.RateLimited garbage = (LlmException.RateLimited) OPENAI.decodeError(429, headers("retry-after", "soon"), new byte[0]);
        assertThat(garbage.retryAfter()).isNull();
    }

    @Test
    void geminiRetryInfo() {
        String body = "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota. Please retry in 47.88s.\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\","
                + "\"violations\":[{\"quotaMetric\":\"generativelanguage.googleapis.com/generate_content_free_tier_requests\"}]},"
                + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"0.5s\"}]}}";
        LlmException.RateLimited e = (LlmException.RateLimited) GEMINI.decodeError(429, HeaderLookup.EMPTY, bytes(body));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(500));
        assertThat(e).hasMessageContaining("Gemini 429 RESOURCE_EXHAUSTED: You exceeded your current quota");
        // A header wins over the body.
        LlmException.RateLimited h = (LlmException.RateLimited) GEMINI.decodeError(429, headers("retry-after", "3"), bytes(body));
        assertThat(h.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void statusClasses() {
        byte[] anthropicOverloaded = bytes("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        assertThat(ANTHROPIC.decodeError(529, headers("retry-after", "2"), anthropicOverloaded))
                .isInstanceOf(LlmException.Overloaded.class).hasMessageContaining("Overloaded")
                .satisfies(e -> assertThat(((LlmException.Overloaded) e).retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThat(GEMINI.decodeError(503, HeaderLookup.EMPTY,
                bytes("{\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}}")))
                .isInstanceOf(LlmException.Overloaded.class);
        assertThat(OPENAI.decodeError(500, HeaderLookup.EMPTY,
                bytes("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")))
                .isInstanceOf(LlmException.ServerError.class).hasMessageContaining("The server had an error");
        assertThat(OPENAI.decodeError(502, HeaderLookup.EMPTY, bytes("<html>Bad gateway</html>")))
                .isInstanceOf(LlmException.ServerError.class).hasMessageContaining("502");
        assertThat(OPENAI.decodeError(401, HeaderLookup.EMPTY,
                bytes("{\"error\":{\"message\":\"Incorrect API key provided: bad-k***\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}")))
                .isInstanceOf(LlmException.Auth.class).hasMessageContaining("Incorrect API key provided");
        assertThat(ANTHROPIC.decodeError(401, HeaderLookup.EMPTY,
                bytes("{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}")))
                .isInstanceOf(LlmException.Auth.class).hasMessageContaining("authentication_error: invalid x-api-key");
        assertThat(GEMINI.decodeError(403, HeaderLookup.EMPTY, new byte[0])).isInstanceOf(LlmException.Auth.class);
        assertThat(GEMINI.decodeError(400, HeaderLookup.EMPTY,
                bytes("{\"error\":{\"code\":400,\"message\":\"You can only set only one of thinking budget and thinking level.\",\"status\":\"INVALID_ARGUMENT\"}}")))
                .isInstanceOf(LlmException.BadRequest.class).hasMessageContaining("only one of thinking budget");
        assertThat(OPENAI.decodeError(404, HeaderLookup.EMPTY, bytes("{\"error\":\"model 'llama9' not found\"}")))
                .isInstanceOf(LlmException.BadRequest.class).hasMessageContaining("model 'llama9' not found");
        assertThat(Codecs.forProvider(Provider.GENERIC).decodeError(422, HeaderLookup.EMPTY, bytes("{\"detail\":\"field required\"}")))
                .isInstanceOf(LlmException.BadRequest.class).hasMessageContaining("field required");
        assertThat(Codecs.forProvider(Provider.GENERIC).decodeError(400, HeaderLookup.EMPTY,
                bytes("{\"object\":\"error\",\"message\":\"max_tokens is too large\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}")))
                .isInstanceOf(LlmException.BadRequest.class).hasMessageContaining("max_tokens is too large");
    }

    @Test
    void unparseableBodiesKeepTheirClassAndBody() {
        LlmException e = ANTHROPIC.decodeError(529, HeaderLookup.EMPTY, bytes("{\"type\":\"error\",\"error\":{\"type\":"));
        assertThat(e).isInstanceOf(LlmException.Overloaded.class);
        assertThat(e.body()).isEqualTo("{\"type\":\"error\",\"error\":{\"type\":");
        assertThat(OPENAI.decodeError(429, HeaderLookup.EMPTY, bytes("\u0000\u00ff garbage")))
                .isInstanceOf(LlmException.RateLimited.class);
        assertThat(OPENAI.decodeError(418, HeaderLookup.EMPTY, null)).isInstanceOf(LlmException.BadRequest.class);
        assertThat(OPENAI.decodeError(302, HeaderLookup.EMPTY, new byte[0])).isInstanceOf(LlmException.Protocol.class);
    }
}
