package dev.llmbench.client;

import java.util.Locale;

/**
 * Routes a model name to its provider, as the lessons document's client did: {@code gemini/*} to Gemini,
 * {@code gpt-*}, {@code o1*}, {@code o3*}, {@code o4*}, {@code chatgpt-*} to OpenAI, {@code together_ai/*} to
 * Together, {@code claude-*} and {@code anthropic/*} to Anthropic, anything else to the generic OpenAI-compatible path.
 */
public final class ModelRouter {
    private ModelRouter() {}

    public static Provider route(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.startsWith("gemini/")) return Provider.GEMINI;
        if (m.startsWith("together_ai/")) return Provider.TOGETHER;
        if (m.startsWith("anthropic/") || m.startsWith("claude-")) return Provider.ANTHROPIC;
        if (m.startsWith("gpt-") || m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4")
                || m.startsWith("chatgpt-")) return Provider.OPENAI;
        return Provider.GENERIC;
    }

    /** The name the provider expects: the routing prefix ({@code gemini/}, {@code together_ai/}, {@code anthropic/}) removed. */
    public static String providerModel(String model) {
        int slash = model.indexOf('/');
        if (slash < 0) return model;
        String prefix = model.substring(0, slash).toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "gemini", "together_ai", "anthropic" -> model.substring(slash + 1);
            default -> model;
        };
    }
}
