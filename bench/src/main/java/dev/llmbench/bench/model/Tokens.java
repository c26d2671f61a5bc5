package dev.llmbench.bench.model;

/**
 * The token counts of a cell's ok requests, as the provider reported them.
 *
 * @param output         output tokens
 * @param input          input tokens
 * @param cachedInput    of the input, served from the provider's prefix cache
 * @param reasoning      of the output, reasoning ("thinking") tokens
 * @param estimatedUsage ok requests whose library exposed no usage: their output tokens are the number of content
 *                       events, an approximation the reports flag
 */
public record Tokens(long output, long input, long cachedInput, long reasoning, long estimatedUsage) {
    public static final Tokens NONE = new Tokens(0, 0, 0, 0, 0);
}
