package dev.llmbench.simulator.provider;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The duration spellings providers use in headers and messages. */
final class Durations {
    private Durations() {}

    /** OpenAI's Go-style durations: {@code 644ms}, {@code 1.5s}, {@code 6m0s}. */
    static String goStyle(long millis) {
        if (millis < 1000) return millis + "ms";
        if (millis < 60_000) return trim(millis / 1000.0) + "s";
        long minutes = millis / 60_000;
        return minutes + "m" + trim((millis % 60_000) / 1000.0) + "s";
    }

    /** Whole seconds, rounded up, at least 1: the {@code retry-after} header. */
    static long ceilSeconds(long millis) { return Math.max(1, (millis + 999) / 1000); }

    /** The {@code retry-after} header's seconds: as {@link #ceilSeconds}, but 0 for a hint of 0 (retry at once). */
    static long retryAfterSeconds(long millis) { return millis <= 0 ? 0 : ceilSeconds(millis); }

    /** RFC 3339 instant at second precision, as in Anthropic's {@code anthropic-ratelimit-*-reset}. */
    static String rfc3339After(long millis) {
        return Instant.now().plusMillis(millis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Gemini's protobuf Duration JSON form, e.g. {@code 47s}. */
    static String protoSeconds(long millis) { return ceilSeconds(millis) + "s"; }

    private static String trim(double seconds) {
        String s = String.format(java.util.Locale.ROOT, "%.3f", seconds);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
