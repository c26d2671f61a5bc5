package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.CacheMode;
import dev.llmbench.simulator.profile.Profile;

import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A profile's shared mutable state: per-key limits, capacity, per-connection caps and budgets, prefix cache, replayed
 * answers.
 */
final class ProfileRuntime {
    final Profile profile;
    final PrefixCache cache;
    /** Profile-wide generation slots, or null when unlimited. */
    final SlotPool capacity;
    /** Recorded answers of a replay profile, or null. */
    final ReplayCache replay;
    private final ConcurrentHashMap<String, KeyLimits> keys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SlotPool> connectionSlots = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> h2Streams = new ConcurrentHashMap<>();
    private final AtomicLong requestCounter = new AtomicLong();
    private final long seed;

    ProfileRuntime(Profile profile, long seed) {
        this.profile = profile;
        this.seed = seed ^ ((long) profile.name().hashCode() << 32);
        this.cache = profile.cacheMode() == CacheMode.OFF ? null
                : new PrefixCache(profile.cacheBlockTokens(), profile.cacheMinTokens(), profile.cacheEntries());
        this.capacity = profile.capacity() > 0 ? new SlotPool(profile.capacity()) : null;
        this.replay = profile.replay() ? new ReplayCache() : null;
    }

    /**
     * The n-th request this profile receives draws from its own stream n: a run that sends the same requests in the
     * same order gets the same timings and lengths; under concurrency the set of draws is the same.
     */
    SplittableRandom nextRandom() {
        long n = requestCounter.getAndIncrement();
        return new SplittableRandom(mix(seed + n * 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    KeyLimits limitsFor(String apiKey) {
        return keys.computeIfAbsent(apiKey, k -> new KeyLimits(profile.requestsPerMinute(), profile.tokensPerMinute(),
                profile.keyConcurrency(), System.nanoTime()));
    }

    SlotPool connectionSlots(String connectionId) {
        return connectionSlots.computeIfAbsent(connectionId, c -> new SlotPool(profile.connectionMaxStreams()));
    }

    void releaseConnectionSlot(String connectionId, SlotPool pool) {
        pool.release();
        // Forget idle connections; a racing acquirer at worst gets a fresh pool for a moment.
        if (pool.idle()) connectionSlots.remove(connectionId, pool);
    }

    AtomicInteger h2StreamsOn(String connectionId) {
        return h2Streams.computeIfAbsent(connectionId, c -> new AtomicInteger());
    }

    void h2StreamDone(String connectionId, AtomicInteger counter) {
        if (counter.decrementAndGet() <= 0) h2Streams.remove(connectionId, counter);
    }
}
