package dev.llmbench.bench.workload;

import java.util.SplittableRandom;

/**
 * The workload's random streams. Each draw has its own generator, seeded from (run seed, stream, request index) by
 * SplitMix64's finaliser, so request {@code i} gets the same draw whatever else was drawn before it, in any cell,
 * repeat or run with the same seed — and the input length, output length and warm-up draws never share a stream.
 */
final class Draws {
    static final long INPUT = 1;
    static final long OUTPUT = 2;
    static final long ORDER = 3;
    /** Added to a stream for warm-up requests: their draws are not the measured requests' draws. */
    static final long WARMUP = 1L << 32;

    private Draws() {}

    /** The generator of draw {@code index} of {@code stream} under {@code seed}. */
    static SplittableRandom of(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(mix(seed) ^ stream) ^ index));
    }

    /** A permutation of 0..n-1 (Fisher-Yates), the same for the same seed and n. */
    static int[] shuffle(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom r = of(seed, ORDER, n);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** SplitMix64's finaliser: a bijection that spreads nearby inputs over the whole range. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
