package dev.llmbench.simulator.provider;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The simulated model's output text: token {@code i} of a response is word {@code i mod N} of a fixed list, each word
 * counted as exactly one token. Words are plain ASCII without JSON escapes, so they are copied into events as bytes.
 */
final class Vocabulary {
    private static final String[] ANSWER = (
            " The quick brown fox jumps over the lazy dog while a simulated model streams tokens at a steady pace ,"
            + " measuring latency and throughput for every provider under test with careful statistics ; each word here"
            + " is one token and the text repeats from the start so results stay byte for byte reproducible .")
            .split("(?= )");
    private static final String[] THOUGHT = (
            " Let me think about this step by step : first consider the question , then weigh the options ,"
            + " check the constraints and finally settle on a concise answer .").split("(?= )");

    private static final byte[][] ANSWER_BYTES = encode(ANSWER);
    private static final byte[][] THOUGHT_BYTES = encode(THOUGHT);

    private Vocabulary() {}

    private static byte[][] encode(String[] words) {
        byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++) out[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        return out;
    }

    /** Writes tokens {@code [from, from + count)} of the answer (or of the thoughts). */
    static void write(ByteBuf out, int from, int count, boolean thought) {
        byte[][] words = thought ? THOUGHT_BYTES : ANSWER_BYTES;
        for (int i = from; i < from + count; i++) out.writeBytes(words[i % words.length]);
    }

    /** The same text as a String, for whole (non-streaming) bodies. */
    static String text(int count, boolean thought) {
        String[] words = thought ? THOUGHT : ANSWER;
        StringBuilder sb = new StringBuilder(count * 7);
        for (int i = 0; i < count; i++) sb.append(words[i % words.length]);
        return sb.toString();
    }

    /** Upper bound of bytes per token, for sizing buffers. */
    static final int MAX_TOKEN_BYTES = 16;
}
