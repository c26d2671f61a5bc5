package dev.llmbench.bench.workload;

import dev.llmbench.bench.cli.LengthDistribution;

/**
 * A synthetic user prompt of a given length: {@code Request <index>: } followed by benchmarking words, cut to exactly
 * {@code 4 x tokens} ASCII characters, so the simulator counts exactly {@code tokens} tokens
 * ({@link TokenEstimate}) and a real tokenizer about as many. The index leads the text, so two requests never share
 * more than their first word: no prefix or response cache can serve one from another. A prompt is never cut shorter
 * than its lead ({@code Request 12345: } is 4 tokens), so very short lengths come out a little longer.
 */
public final class SyntheticPrompt {
    private static final String[] WORDS = ("measure the latency and throughput of a streamed answer under load while"
            + " the queue of requests grows and every connection shares one window of tokens per second with a cache"
            + " that may or may not hold the prefix of this prompt").split(" ");

    private SyntheticPrompt() {}

    /** The prompt of request {@code index} with {@code tokens} tokens (1 to {@link LengthDistribution#MAX}). */
    public static String of(int index, int tokens) {
        if (tokens < 1 || tokens > LengthDistribution.MAX) {
            throw new IllegalArgumentException("tokens must be from 1 to " + LengthDistribution.MAX + ": " + tokens);
        }
        String lead = "Request " + index + ": ";
        int length = Math.max(lead.length(), tokens * TokenEstimate.BYTES_PER_TOKEN);
        StringBuilder sb = new StringBuilder(length + 16).append(lead);
        for (int w = Math.floorMod(index, WORDS.length); sb.length() < length; w = (w + 1) % WORDS.length) {
            sb.append(WORDS[w]).append(' ');
        }
        sb.setLength(length);
        return sb.toString();
    }
}
