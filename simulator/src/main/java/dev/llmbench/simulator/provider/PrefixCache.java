package dev.llmbench.simulator.provider;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers prompt prefixes by the hashes of their block boundaries (a hash chain over blocks of
 * {@code blockTokens * 4} bytes, matching the 4-bytes-per-token approximation), bounded LRU. A prompt whose first
 * k blocks were seen recently has {@code k * blockTokens} cached tokens, reported only from {@code minTokens} on, as
 * OpenAI does (1024 tokens, then 128-token steps). Touched once per request, never per token.
 */
final class PrefixCache {
    private final int blockBytes;
    private final int blockTokens;
    private final int minTokens;
    private final LinkedHashMap<Long, Boolean> seen;

    PrefixCache(int blockTokens, int minTokens, int entries) {
        this.blockTokens = blockTokens;
        this.blockBytes = blockTokens * 4;
        this.minTokens = minTokens;
        this.seen = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) { return size() > entries; }
        };
    }

    /** Looks the prompt up and then remembers all its blocks; returns the cached token count (0 below minTokens). */
    int lookupAndStore(String model, byte[] prompt, int promptTokens) {
        int blocks = prompt.length / blockBytes;
        if (blocks == 0) return 0;
        long[] chain = new long[blocks];
        byte[] modelBytes = model.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long h = fnv(0xcbf29ce484222325L, modelBytes, 0, modelBytes.length);
        for (int b = 0; b < blocks; b++) {
            h = fnv(h, prompt, b * blockBytes, blockBytes);
            chain[b] = h;
        }
        int hit = 0;
        synchronized (seen) {
            while (hit < blocks && seen.get(chain[hit]) != null) hit++;
            for (long c : chain) seen.put(c, Boolean.TRUE);
        }
        int cached = Math.min(hit * blockTokens, promptTokens);
        return cached >= minTokens ? cached : 0;
    }

    /** Tokens a cache write of this prompt would store (whole blocks, from minTokens on). */
    int cacheableTokens(byte[] prompt, int promptTokens) {
        int t = Math.min((prompt.length / blockBytes) * blockTokens, promptTokens);
        return t >= minTokens ? t : 0;
    }

    private static long fnv(long h, byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            h ^= data[i] & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
