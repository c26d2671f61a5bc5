package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.client.LlmException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a non-2xx response, or an error event inside a stream, into the typed {@link LlmException}: 429 is RateLimited,
 * 529 and 503 Overloaded, other 5xx ServerError, 401/403 Auth, other 4xx BadRequest. The message names the provider,
 * the status, the error's type and the provider's own message; the body is kept as received.
 */
final class ErrorDecoding {
    private ErrorDecoding() {}

    private static final int MAX_MESSAGE_CHARS = 1000;

    /**
     * Rate-limit headers worth keeping (a {@link HeaderLookup} can only be asked by name): OpenAI's per-window limits,
     * Together's request and token limits, Anthropic's, the IETF draft's, and the retry hints.
     */
    static final List<String> LIMIT_HEADERS = List.of(
            "retry-after", "retry-after-ms",
            "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests",
            "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens",
            "x-ratelimit-limit-tokens_usage_based", "x-ratelimit-remaining-tokens_usage_based",
            "x-ratelimit-reset-tokens_usage_based",
            "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset",
            "x-tokenlimit-limit", "x-tokenlimit-remaining", "x-tokenlimit-reset",
            "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
            "anthropic-ratelimit-requests-reset",
            "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-reset",
            "anthropic-ratelimit-input-tokens-limit", "anthropic-ratelimit-input-tokens-remaining",
            "anthropic-ratelimit-input-tokens-reset",
            "anthropic-ratelimit-output-tokens-limit", "anthropic-ratelimit-output-tokens-remaining",
            "anthropic-ratelimit-output-tokens-reset",
            "ratelimit", "ratelimit-policy", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset");

    /** The typed error for an HTTP error response; an unreadable body still gives the class its status implies. */
    static LlmException fromResponse(String provider, int status, HeaderLookup headers, byte[] body) {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        ProviderError error = parseBody(body);
        String message = message(provider, status, error, text.isBlank() ? "(empty body)" : "(no error message)");
        Duration retryAfter = RetryAfter.fromHeaders(headers, Instant.now());
        if (retryAfter == null && error != null) retryAfter = error.retryDelay;
        return classify(status, message, text, retryAfter, limitHeaders(headers));
    }

    /** The typed error for an error object that arrived inside a 2xx stream (or a 2xx body). */
    static LlmException fromStreamError(String provider, ProviderError error, String eventData) {
        int status = error.impliedStatus();
        String message = message(provider, status, error, "(no error message)") + " [error event in a 200 response]";
        return classify(status, message, eventData, error.retryDelay, Map.of());
    }

    private static LlmException classify(int status, String message, String body, Duration retryAfter,
                                         Map<String, String> limits) {
        if (status == 429) return new LlmException.RateLimited(message, status, body, retryAfter, limits);
        if (status == 529 || status == 503) return new LlmException.Overloaded(message, status, body, retryAfter);
        if (status >= 500 && status <= 599) return new LlmException.ServerError(message, status, body);
        if (status == 401 || status == 403) return new LlmException.Auth(message, status, body);
        if (status >= 400 && status <= 499) return new LlmException.BadRequest(message, status, body);
        return new LlmException.Protocol(message + " (unexpected status)", status, null);
    }

    private static String message(String provider, int status, ProviderError error, String fallback) {
        StringBuilder m = new StringBuilder(provider).append(' ').append(status);
        String kind = error == null ? null : error.kindName();
        if (kind != null && !kind.isBlank()) m.append(' ').append(kind);
        String text = error == null ? null : error.message;
        m.append(": ").append(text == null || text.isBlank() ? fallback : text);
        if (m.length() > MAX_MESSAGE_CHARS) m.setLength(MAX_MESSAGE_CHARS);
        return m.toString();
    }

    private static Map<String, String> limitHeaders(HeaderLookup headers) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String name : LIMIT_HEADERS) {
            String v = headers.get(name);
            if (v != null) found.put(name, v);
        }
        return found;
    }

    /**
     * The error fields of a JSON error body: {@code {"error":{...}}} or {@code {"error":"..."}} (OpenAI, Anthropic,
     * Gemini, Together, Ollama), vLLM's top-level {@code {"object":"error","message":...}}, FastAPI's
     * {@code {"detail":"..."}}. Null if the body is not a JSON object.
     */
    static ProviderError parseBody(byte[] body) {
        if (body == null || body.length == 0) return null;
        try (JsonParser p = Json.FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            ProviderError nested = null;
            ProviderError top = new ProviderError();
            while (Json.next(p) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                Json.next(p);
                switch (field) {
                    case "error" -> nested = ProviderError.read(p);
                    case "detail" -> {
                        if (p.currentToken() == JsonToken.VALUE_STRING) top.message = p.getText();
                        else Json.skip(p);
                    }
                    default -> top.readField(field, p);
                }
            }
            if (nested == null) return top;
            // Anthropic puts "type":"error" at the top and the real type inside; the inner fields win.
            if (nested.retryDelay == null) nested.retryDelay = top.retryDelay;
            return nested;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
