package dev.llmbench.bench.report;

import java.util.Map;

/** Display names for provider ids, as the lessons document writes them. */
final class Providers {
    private static final Map<String, String> NAMES = Map.of(
            "openai", "OpenAI", "anthropic", "Anthropic", "gemini", "Gemini", "together", "Together", "generic", "OpenAI-compatible");

    private Providers() {}

    static String display(String id) { return NAMES.getOrDefault(id, id); }
}
