package dev.llmbench.simulator.provider;

import java.util.random.RandomGenerator;

/** Provider-style random identifiers. */
final class Ids {
    private static final char[] ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Ids() {}

    static String alphanumeric(RandomGenerator random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALNUM[random.nextInt(ALNUM.length)];
        return new String(out);
    }
}
