package dev.llmbench.simulator.profile;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Faults the simulator can inject, by their wire name (header {@code x-sim-fault}, key {@code <profile>.fault.<name>}). */
public enum FaultKind {
    HTTP_500("http-500"),
    HTTP_503("http-503"),
    RATE_LIMIT("rate-limit"),
    OVERLOADED("overloaded"),
    RESET_MID_STREAM("reset-mid-stream"),
    TRUNCATE("truncate"),
    MALFORMED_CHUNK("malformed-chunk"),
    STALL_FIRST_BYTE("stall-first-byte"),
    STALL_MID_STREAM("stall-mid-stream"),
    SLOW_TRICKLE("slow-trickle"),
    /** The provider's in-stream error event (Anthropic {@code event: error} overloaded) midway, then the end. */
    ERROR_EVENT("error-event");

    private static final FaultKind[] ALL = values();
    private final String wireName;

    FaultKind(String wireName) { this.wireName = wireName; }

    public String wireName() { return wireName; }

    /** True for faults answered with an error status instead of a (possibly damaged) response. */
    public boolean isErrorStatus() {
        return this == HTTP_500 || this == HTTP_503 || this == RATE_LIMIT || this == OVERLOADED;
    }

    /** The fault with this wire name, or null. */
    public static FaultKind byWireName(String name) {
        for (FaultKind f : ALL) {
            if (f.wireName.equalsIgnoreCase(name.trim())) return f;
        }
        return null;
    }

    public static String wireNames() {
        return Arrays.stream(ALL).map(FaultKind::wireName).collect(Collectors.joining(", "));
    }
}
