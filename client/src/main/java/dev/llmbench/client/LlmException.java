package dev.llmbench.client;

import java.time.Duration;
import java.util.Map;

/**
 * Every failure the client reports. Each subclass is one error class that the harness counts separately.
 * Messages and bodies never contain an API key (the client scrubs known keys before building them).
 */
public abstract sealed class LlmException extends RuntimeException {

    /** The error classes, in the order reports list them. */
    public enum Kind { RATE_LIMITED, OVERLOADED, SERVER_ERROR, AUTH, BAD_REQUEST, TIMEOUT, PROTOCOL, CONNECTION, CONFIG, CANCELLED }

    private final int status;
    private final String body;

    protected LlmException(String message, int status, String body, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.body = body;
    }

    public abstract Kind kind();

    /** HTTP status, or 0 when none was received. */
    public int status() { return status; }

    /** The provider's error body (JSON as received, key scrubbed), or null. */
    public String body() { return body; }

    /** 429 (any provider). {@code retryAfter} from retry-after-ms, retry-after or Gemini RetryInfo; null if absent. */
    public static final class RateLimited extends LlmException {
        private final Duration retryAfter;
        private final Map<String, String> limitHeaders;

        public RateLimited(String message, int status, String body, Duration retryAfter, Map<String, String> limitHeaders) {
            super(message, status, body, null);
            this.retryAfter = retryAfter;
            this.limitHeaders = limitHeaders == null ? Map.of() : Map.copyOf(limitHeaders);
        }

        public Kind kind() { return Kind.RATE_LIMITED; }

        public Duration retryAfter() { return retryAfter; }

        /** The provider's rate-limit headers (x-ratelimit-*, anthropic-ratelimit-*, retry-after...), lower-case names. */
        public Map<String, String> limitHeaders() { return limitHeaders; }
    }

    /** Anthropic 529 / overloaded_error, or 503. */
    public static final class Overloaded extends LlmException {
        private final Duration retryAfter;

        public Overloaded(String message, int status, String body, Duration retryAfter) {
            super(message, status, body, null);
            this.retryAfter = retryAfter;
        }

        public Kind kind() { return Kind.OVERLOADED; }

        public Duration retryAfter() { return retryAfter; }
    }

    /** Other 5xx, or a server error event in the stream. */
    public static final class ServerError extends LlmException {
        public ServerError(String message, int status, String body) { super(message, status, body, null); }

        public Kind kind() { return Kind.SERVER_ERROR; }
    }

    /** 401 / 403. */
    public static final class Auth extends LlmException {
        public Auth(String message, int status, String body) { super(message, status, body, null); }

        public Kind kind() { return Kind.AUTH; }
    }

    /** 400 / 404 / 422 and other 4xx not listed above. */
    public static final class BadRequest extends LlmException {
        public BadRequest(String message, int status, String body) { super(message, status, body, null); }

        public Kind kind() { return Kind.BAD_REQUEST; }
    }

    /** A configured time limit passed. */
    public static final class Timeout extends LlmException {
        /** Which limit: connecting, waiting for the first byte, idle between events, or the whole request. */
        public enum Phase { CONNECT, FIRST_BYTE, IDLE, TOTAL }

        private final Phase phase;
        private final Duration limit;

        public Timeout(Phase phase, Duration limit) {
            super(phase.name().toLowerCase() + " timeout after " + limit.toMillis() + " ms", 0, null, null);
            this.phase = phase;
            this.limit = limit;
        }

        public Kind kind() { return Kind.TIMEOUT; }

        public Phase phase() { return phase; }

        public Duration limit() { return limit; }
    }

    /** The server broke the protocol: malformed chunk, truncated stream (no terminal event), unexpected content. */
    public static final class Protocol extends LlmException {
        public Protocol(String message, int status, Throwable cause) { super(message, status, null, cause); }

        public Kind kind() { return Kind.PROTOCOL; }
    }

    /** The connection failed or was reset (I/O error, stream reset, refused). */
    public static final class Connection extends LlmException {
        public Connection(String message, Throwable cause) { super(message, 0, null, cause); }

        public Kind kind() { return Kind.CONNECTION; }
    }

    /** The client is misconfigured (e.g. a missing key), raised before any request is sent. */
    public static final class Config extends LlmException {
        public Config(String message) { super(message, 0, null, null); }

        public Kind kind() { return Kind.CONFIG; }
    }

    /** The caller cancelled the request. */
    public static final class Cancelled extends LlmException {
        public Cancelled() { super("cancelled", 0, null, null); }

        public Kind kind() { return Kind.CANCELLED; }
    }
}
