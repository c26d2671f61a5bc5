package dev.llmbench.client.internal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A provider's keys, handed out round robin (N keys, N times the per-key rate limit). */
final class KeyRing {
    private final String[] keys;
    private final AtomicInteger next = new AtomicInteger();

    KeyRing(List<String> keys) { this.keys = keys.toArray(new String[0]); }

    /** The next key, or null when none is configured. */
    String next() {
        if (keys.length == 0) return null;
        if (keys.length == 1) return keys[0];
        return keys[Math.floorMod(next.getAndIncrement(), keys.length)];
    }
}
