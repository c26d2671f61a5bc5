package dev.llmbench.bench.workload;

import dev.llmbench.client.Message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Token counts without a tokenizer: {@code ceil(UTF-8 bytes / 4)}, at least 1 — the simulator's own rule (its
 * {@code TokenCount}), about 4 characters of English text per token. A real model's tokenizer differs (vLLM's
 * benchmark counts with it): for English prose expect within about ±30 %, for other scripts more tokens per byte.
 */
public final class TokenEstimate {
    /** UTF-8 bytes per token. */
    public static final int BYTES_PER_TOKEN = 4;

    private TokenEstimate() {}

    /** The estimate of {@code text}, at least 1. */
    public static int of(String text) { return ofBytes(bytes(text)); }

    /** The estimate of a prompt as the simulator counts it: system prompt and every message's text, concatenated. */
    public static int ofPrompt(String system, List<Message> messages) {
        long total = system == null ? 0 : bytes(system);
        for (Message m : messages) total += bytes(m.content());
        return ofBytes(total);
    }

    private static int ofBytes(long bytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN));
    }

    private static long bytes(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }
}
