package dev.llmbench.simulator.provider;

/**
 * The simulator's one token-count approximation, used for every prompt in every format: {@code ceil(utf8Bytes / 4)}
 * over the concatenated text of the prompt (system prompt and all message texts, no separators), at least 1.
 */
final class TokenCount {
    private TokenCount() {}

    static int ofUtf8Bytes(long bytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (bytes + 3) / 4));
    }
}
