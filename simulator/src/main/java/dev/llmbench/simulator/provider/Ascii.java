package dev.llmbench.simulator.provider;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Allocation-free ASCII helpers for building events directly in a ByteBuf. */
final class Ascii {
    private Ascii() {}

    static byte[] bytes(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /** Writes a non-negative or negative long in decimal without creating a String. */
    static void writeLong(ByteBuf out, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) { out.writeCharSequence(Long.toString(v), StandardCharsets.US_ASCII); return; }
            out.writeByte('-');
            v = -v;
        }
        if (v < 10) { out.writeByte((int) ('0' + v)); return; }
        long div = 1;
        while (v / div >= 10) div *= 10;
        while (div > 0) {
            out.writeByte((int) ('0' + (v / div) % 10));
            div /= 10;
        }
    }
}
