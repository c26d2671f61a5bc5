package dev.llmbench.client.internal.codec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses the ways providers say how long to wait. Every parser returns null for a missing or unreadable value. */
final class RetryAfter {
    private RetryAfter() {}

    /** {@code retry-after-ms} (OpenAI, Anthropic SDKs), else {@code retry-after} (seconds or HTTP-date). */
    static Duration fromHeaders(HeaderLookup headers, Instant now) {
        Duration ms = decimal(headers.get("retry-after-ms"), 1_000_000L);
        if (ms != null) return ms;
        String v = headers.get("retry-after");
        if (v == null) return null;
        Duration seconds = decimal(v, 1_000_000_000L);
        if (seconds != null) return seconds;
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(v.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A protobuf JSON Duration such as Gemini's RetryInfo {@code "47s"} or {@code "0.5s"}. */
    static Duration parseProtoDuration(String v) {
        if (v == null) return null;
        String s = v.trim();
        if (!s.endsWith("s")) return null;
        return decimal(s.substring(0, s.length() - 1), 1_000_000_000L);
    }

    /** A non-negative decimal number of units, each {@code nanosPerUnit} long. */
    private static Duration decimal(String v, long nanosPerUnit) {
        if (v == null) return null;
        String s = v.trim();
        if (s.isEmpty() || s.length() > 30) return null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') return null;
        }
        try {
            BigDecimal nanos = new BigDecimal(s).multiply(BigDecimal.valueOf(nanosPerUnit));
            return Duration.ofNanos(nanos.min(BigDecimal.valueOf(Long.MAX_VALUE)).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
