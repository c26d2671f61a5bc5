package dev.llmbench.bench.workload;

import dev.llmbench.client.Message;

import java.util.List;

/**
 * One usable entry of a dataset: what a request made from it sends.
 *
 * @param line      1-based line of the file where the entry starts
 * @param system    the system prompt, or null
 * @param messages  the conversation, at least one message (ShareGPT and {@code prompt}: one user message)
 * @param maxTokens the entry's output length in tokens, or null when it gives none (ShareGPT: the estimate of the
 *                  first gpt turn after the prompt; JSONL: its {@code max_tokens})
 */
public record DatasetEntry(long line, String system, List<Message> messages, Integer maxTokens) {
    public DatasetEntry {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("an entry needs at least one message");
        if (maxTokens != null && maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
    }

    /** The prompt's length as the simulator counts it ({@link TokenEstimate#ofPrompt}). */
    public int inputTokens() { return TokenEstimate.ofPrompt(system, messages); }
}
