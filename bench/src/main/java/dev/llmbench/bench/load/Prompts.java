package dev.llmbench.bench.load;

import dev.llmbench.client.ChatRequest;

/**
 * The prompts sweeps send. Token counts are approximate (about 4 characters per token, the simulator's own rule):
 * the short system prompt is about 40 tokens, the long one about 3,000.
 */
public final class Prompts {
    // first: the prompts below are built from it
    private static final String[] WORDS = ("latency throughput stream token provider request response header connection"
            + " window frame buffer socket thread queue schedule measure sample histogram percentile median budget"
            + " prefix cache model prompt answer context limit retry backoff jitter").split(" ");

    public static final String SHORT_SYSTEM = "You are a concise assistant for a benchmarking harness. Answer in one short"
            + " paragraph of plain prose, without lists, headings or code.";
    public static final String LONG_SYSTEM = longSystem(3_000);

    private Prompts() {}

    /** The user message of request {@code index}: distinct per request, so no response cache can serve it. */
    public static String user(int index) {
        return "Request " + index + ": explain in a short paragraph why " + WORDS[index % WORDS.length] + " matters when "
                + "benchmarking an LLM API.";
    }

    /** A plain request with an optional system prompt. */
    public static ChatRequest request(String model, String system, int index, int maxTokens) {
        ChatRequest r = ChatRequest.of(model, user(index)).withMaxTokens(maxTokens);
        return system == null ? r : r.withSystem(system);
    }

    /** A deterministic system prompt of about {@code tokens} tokens. */
    public static String longSystem(int tokens) {
        StringBuilder sb = new StringBuilder("You are a meticulous assistant. Follow the house style guide below.\n");
        int i = 0;
        while (sb.length() < tokens * 4) {
            sb.append("Rule ").append(i).append(": prefer the ").append(WORDS[i % WORDS.length]).append(" view over the ")
                    .append(WORDS[(i * 7 + 3) % WORDS.length]).append(" view when they disagree.\n");
            i++;
        }
        return sb.toString();
    }
}
