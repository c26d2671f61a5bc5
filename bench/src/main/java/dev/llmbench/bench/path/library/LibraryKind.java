package dev.llmbench.bench.path.library;

import java.util.Locale;

/** The three ways the {@code path} sweep calls a provider through the same load driver. */
public enum LibraryKind {
    /** Our reference client ({@link dev.llmbench.client.LlmClient#builder()}). */
    REF,
    /** The provider's official Java SDK (openai-java, anthropic-java, google-genai). */
    SDK,
    /** LangChain4j's streaming chat model for the provider. */
    GENERIC;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    public static LibraryKind parse(String s) {
        for (LibraryKind p : values()) if (p.name().equalsIgnoreCase(s)) return p;
        throw new IllegalArgumentException("unknown path '" + s + "'; valid: ref, sdk, generic");
    }
}
