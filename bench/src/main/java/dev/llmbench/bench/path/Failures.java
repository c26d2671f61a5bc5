package dev.llmbench.bench.path;

import dev.llmbench.client.LlmException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/** Maps what the libraries throw onto the client's {@link LlmException} classes, the same way for every path. */
public final class Failures {
    private Failures() {}

    /** An HTTP error status; {@code header} looks up a response header by lower-case name (null if absent). */
    public static LlmException fromStatus(int status, String message, String body, Function<String, String> header) {
        String msg = message == null ? "HTTP " + status : message;
        return switch (status) {
            case 429 -> new LlmException.RateLimited(msg, status, body, retryAfter(header), limitHeaders(header));
            case 503, 529 -> new LlmException.Overloaded(msg, status, body, retryAfter(header));
            case 401, 403 -> new LlmException.Auth(msg, status, body);
            default -> status >= 500 ? new LlmException.ServerError(msg, status, body)
                    : status >= 400 ? new LlmException.BadRequest(msg, status, body)
                    : new LlmException.Protocol(msg, status, null);
        };
    }

    /** A failure with no HTTP status: I/O → Connection, cancellation → Cancelled, anything else → Protocol. */
    public static LlmException fromThrowable(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof LlmException l) return l;
        if (e instanceof CancellationException) return new LlmException.Cancelled();
        if (e instanceof SocketTimeoutException || e instanceof java.net.http.HttpTimeoutException)
            return new LlmException.Timeout(LlmException.Timeout.Phase.IDLE, Duration.ZERO);
        IOException io = find(e, IOException.class);
        if (io != null && !(io instanceof InterruptedIOException && io.getMessage() != null
                && io.getMessage().toLowerCase(Locale.ROOT).contains("timeout"))) {
            return new LlmException.Connection(describe(io), io);
        }
        return new LlmException.Protocol(describe(e), 0, e);
    }

    /** Strips the CompletionException/ExecutionException wrappers futures add. */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) e = e.getCause();
        return e;
    }

    /** The first throwable of {@code type} in the cause chain, or null. */
    public static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) return type.cast(e);
        }
        return null;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static Duration retryAfter(Function<String, String> header) {
        if (header == null) return null;
        try {
            String ms = header.apply("retry-after-ms");
            if (ms != null) return Duration.ofMillis((long) Double.parseDouble(ms.trim()));
            String s = header.apply("retry-after");
            if (s != null) return Duration.ofMillis((long) (Double.parseDouble(s.trim()) * 1000));
        } catch (NumberFormatException ignored) {
            // an HTTP-date or garbage: no hint
        }
        return null;
    }

    private static Map<String, String> limitHeaders(Function<String, String> header) {
        Map<String, String> out = new HashMap<>();
        if (header == null) return out;
        for (String name : new String[] {"retry-after", "retry-after-ms", "x-ratelimit-remaining-requests",
                "x-ratelimit-remaining-tokens", "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens",
                "anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-tokens-remaining"}) {
            String v = header.apply(name);
            if (v != null) out.put(name, v);
        }
        return out;
    }
}
