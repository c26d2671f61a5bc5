package dev.llmbench.bench.path;

import java.util.Locale;

/**
 * How a library is configured. {@code DEFAULT} is what a user gets out of the box; {@code TUNED} sizes the
 * dispatcher and connection pool to the concurrency and turns the library's own retries off, so raw measurements
 * are not hidden behind silent retries.
 */
public enum PathVariant {
    DEFAULT, TUNED;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static PathVariant parse(String s) {
        for (PathVariant v : values()) if (v.name().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown variant '" + s + "'; valid: default, tuned");
    }
}
