package dev.llmbench.client.limit;

import dev.llmbench.client.Provider;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Several API keys of one provider used round robin, each behind its own {@link Limiter}: rate limits are per key,
 * so N keys give N windows (the lessons' "key rotation: N x rate limit"). A 429 on one key shrinks only that key's
 * window. {@link #toString()} and every other output show key indexes, never keys.
 */
public final class KeyRing {
    private final List<String> keys;
    private final List<Limiter> limiters;
    private final AtomicInteger next = new AtomicInteger();

    private KeyRing(List<String> keys, Supplier<? extends Limit> limitPerKey) {
        this.keys = List.copyOf(keys);
        int windows = Math.max(1, keys.size()); // no key: still one window (a provider that needs no key)
        List<Limiter> ls = new ArrayList<>(windows);
        for (int i = 0; i < windows; i++) ls.add(new Limiter(Objects.requireNonNull(limitPerKey.get(), "limit")));
        this.limiters = List.copyOf(ls);
    }

    /** A ring over {@code keys} (blank and duplicate keys dropped), each key getting a fresh limit from the supplier. */
    public static KeyRing of(List<String> keys, Supplier<? extends Limit> limitPerKey) {
        List<String> distinct = split(String.join(",", keys.stream().filter(Objects::nonNull).toList()));
        if (distinct.isEmpty()) throw new IllegalArgumentException("a key ring needs at least one key");
        return new KeyRing(distinct, limitPerKey);
    }

    /**
     * Like {@link #of} but accepting no key at all (e.g. a local OpenAI-compatible server): one window, and
     * {@link Lease#apiKey()} is null.
     */
    public static KeyRing ofPossiblyNone(List<String> keys, Supplier<? extends Limit> limitPerKey) {
        List<String> distinct = split(String.join(",", keys.stream().filter(Objects::nonNull).toList()));
        return new KeyRing(distinct, limitPerKey);
    }

    /**
     * The keys configured for {@code provider}: {@code <KEY_VARIABLE>S} (e.g. {@code OPENAI_API_KEYS=k1,k2}) if set,
     * else the comma-separated {@code <KEY_VARIABLE>} (e.g. {@code OPENAI_API_KEY}); empty when neither is set.
     */
    public static List<String> keysFromEnv(Provider provider, Map<String, String> env) {
        String many = env.get(provider.keyVariable() + "S");
        String value = many != null && !many.isBlank() ? many : env.get(provider.keyVariable());
        return split(value);
    }

    /** Splits a comma-separated key list, trimming and dropping blanks and duplicates. */
    public static List<String> split(String commaSeparated) {
        if (commaSeparated == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (String k : commaSeparated.split(",")) {
            if (!k.isBlank()) out.add(k.trim());
        }
        return List.copyOf(out);
    }

    /** Number of keys (0 for a ring without keys, which still has one window). */
    public int size() { return keys.size(); }

    /** Number of windows: one per key, at least one. */
    public int windows() { return limiters.size(); }

    /** The limiter of key {@code index} (for observing its window). */
    public Limiter limiter(int index) { return limiters.get(index); }

    /** Sum of all keys' windows. */
    public int totalLimit() {
        int sum = 0;
        for (Limiter l : limiters) sum += l.limit();
        return sum;
    }

    /**
     * A key with a permit: the next key in round-robin order that has room, else the queue of the key whose turn
     * it is. Never blocks; cancelling a queued future withdraws it.
     */
    public CompletableFuture<Lease> acquire() {
        int n = limiters.size();
        if (n == 1) { // the common case: no rotation, no search
            Optional<Limiter.Permit> p = limiters.get(0).tryAcquire();
            return p.isPresent() ? CompletableFuture.completedFuture(new Lease(0, p.get())) : queue(0);
        }
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            int idx = (start + i) % n;
            Optional<Limiter.Permit> p = limiters.get(idx).tryAcquire();
            if (p.isPresent()) return CompletableFuture.completedFuture(new Lease(idx, p.get()));
        }
        return queue(start);
    }

    /**
     * Waits in key {@code idx}'s queue. Cancelling the returned future withdraws the waiter (a plain
     * {@code thenApply} would not: the waiter would later take a permit that nobody releases).
     */
    private CompletableFuture<Lease> queue(int idx) {
        CompletableFuture<Limiter.Permit> waiter = limiters.get(idx).acquire();
        CompletableFuture<Lease> lease = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean c = super.cancel(mayInterruptIfRunning);
                if (c) waiter.cancel(false);
                return c;
            }
        };
        waiter.thenAccept(p -> {
            if (!lease.complete(new Lease(idx, p))) p.release(Outcome.IGNORED); // cancelled meanwhile: give it back
        });
        return lease;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("KeyRing[").append(keys.size()).append(" keys redacted, windows=");
        for (int i = 0; i < limiters.size(); i++) {
            Limiter l = limiters.get(i);
            sb.append(i == 0 ? "" : ", ").append('#').append(i).append(' ').append(l.inFlight()).append('/').append(l.limit());
        }
        return sb.append(']').toString();
    }

    /** One request's key and permit. Release the permit with the request's outcome when it ends. */
    public final class Lease {
        private final int keyIndex;
        private final Limiter.Permit permit;

        private Lease(int keyIndex, Limiter.Permit permit) {
            this.keyIndex = keyIndex;
            this.permit = permit;
        }

        /** The key to send, or null for a ring without keys. Never log it. */
        public String apiKey() { return keys.isEmpty() ? null : keys.get(keyIndex); }

        /** Position of the key in the ring: safe to log. */
        public int keyIndex() { return keyIndex; }

        public Limiter.Permit permit() { return permit; }

        public boolean release(Outcome outcome) { return permit.release(outcome); }

        public boolean release(Throwable failure) { return permit.release(failure); }

        @Override public String toString() { return "Lease[key #" + keyIndex + " redacted]"; }
    }
}
