package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Duration;

/**
 * The fields of a provider's error object, whichever format: OpenAI {@code {message, type, code, param}}, Anthropic
 * {@code {type, message}}, Gemini {@code {code, message, status, details[]}}, Ollama's plain string. Mutable while read.
 */
final class ProviderError {
    String message;
    /** OpenAI/Anthropic {@code type}. */
    String type;
    /** OpenAI's string {@code code}, e.g. {@code rate_limit_exceeded}. */
    String code;
    /** Gemini's numeric {@code code} or vLLM's, when it looks like an HTTP status; else 0. */
    int httpCode;
    /** Gemini's {@code status}, e.g. {@code RESOURCE_EXHAUSTED}. */
    String status;
    /** Gemini RetryInfo {@code retryDelay}. */
    Duration retryDelay;

    /** Reads the value of an {@code error} field (the parser is on its first token): an object or a plain string. */
    static ProviderError read(JsonParser p) throws IOException {
        ProviderError e = new ProviderError();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            e.message = p.getText();
            return e;
        }
        if (t != JsonToken.START_OBJECT) {
            Json.skip(p);
            return e;
        }
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            Json.next(p);
            e.readField(field, p);
        }
        return e;
    }

    /** Reads one field of an error object (also used for vLLM's top-level {@code {"object":"error",...}}). */
    void readField(String field, JsonParser p) throws IOException {
        switch (field) {
            case "message" -> message = Json.stringOrNull(p);
            case "type" -> type = Json.stringOrNull(p);
            case "status" -> status = Json.stringOrNull(p);
            case "code" -> {
                if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                    int c = p.getIntValue();
                    if (c >= 100 && c <= 599) httpCode = c;
                } else {
                    code = Json.stringOrNull(p);
                }
            }
            case "details" -> readDetails(p);
            default -> Json.skip(p);
        }
    }

    private void readDetails(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            Json.skip(p);
            return;
        }
        while (Json.next(p) != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                Json.skip(p);
                continue;
            }
            while (Json.next(p) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                Json.next(p);
                if (field.equals("retryDelay")) {
                    Duration d = RetryAfter.parseProtoDuration(Json.stringOrNull(p));
                    if (d != null) retryDelay = d;
                } else {
                    Json.skip(p);
                }
            }
        }
    }

    /** The most specific machine-readable name of this error, for messages: type, else code, else status. */
    String kindName() {
        if (type != null && !type.isEmpty()) return type;
        if (code != null && !code.isEmpty()) return code;
        return status;
    }

    /**
     * The HTTP status this error stands for, for errors that arrive inside a 200 stream: the numeric code if it
     * carried one, else mapped from its type/code/status name; an unknown error mid-stream counts as a server error.
     */
    int impliedStatus() {
        if (httpCode != 0) return httpCode;
        for (String name : new String[] {type, code, status}) {
            int s = statusOfName(name);
            if (s != 0) return s;
        }
        return 500;
    }

    private static int statusOfName(String name) {
        if (name == null) return 0;
        return switch (name) {
            case "rate_limit_error", "rate_limit_exceeded", "RESOURCE_EXHAUSTED", "tokens", "requests",
                 "insufficient_quota" -> 429;
            case "overloaded_error", "overloaded", "engine_overloaded" -> 529;
            case "UNAVAILABLE", "service_unavailable" -> 503;
            case "authentication_error", "invalid_api_key", "UNAUTHENTICATED" -> 401;
            case "permission_error", "PERMISSION_DENIED" -> 403;
            case "not_found_error", "NOT_FOUND", "model_not_found" -> 404;
            case "request_too_large" -> 413;
            case "invalid_request_error", "INVALID_ARGUMENT", "FAILED_PRECONDITION", "BadRequestError",
                 "context_length_exceeded" -> 400;
            case "timeout_error", "DEADLINE_EXCEEDED" -> 504;
            case "api_error", "server_error", "INTERNAL", "InternalServerError" -> 500;
            default -> 0;
        };
    }
}
