package dev.llmbench.client;

/** The wire formats the client speaks, with where their key and base URL come from. */
public enum Provider {
    OPENAI("OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1", TransportKind.OKHTTP_H2),
    ANTHROPIC("ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com/v1", TransportKind.OKHTTP_H1),
    GEMINI("GEMINI_API_KEY", "GEMINI_BASE_URL", "https://generativelanguage.googleapis.com/v1beta", TransportKind.OKHTTP_H2),
    TOGETHER("TOGETHER_API_KEY", "TOGETHER_BASE_URL", "https://api.together.xyz/v1", TransportKind.OKHTTP_H1),
    /** Any OpenAI-compatible server (vLLM, Ollama, a LiteLLM proxy); it has no default base URL. */
    GENERIC("OPENAI_COMPATIBLE_API_KEY", "OPENAI_COMPATIBLE_BASE_URL", null, TransportKind.OKHTTP_H1);

    private final String keyVariable;
    private final String baseUrlVariable;
    private final String defaultBaseUrl;
    private final TransportKind defaultTransport;

    Provider(String keyVariable, String baseUrlVariable, String defaultBaseUrl, TransportKind defaultTransport) {
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultTransport = defaultTransport;
    }

    /** Environment variable holding the API key, e.g. {@code OPENAI_API_KEY}. */
    public String keyVariable() { return keyVariable; }

    /** Environment variable overriding the base URL, e.g. {@code OPENAI_BASE_URL}. */
    public String baseUrlVariable() { return baseUrlVariable; }

    /** The provider's public API base URL (including the version path), or null for {@link #GENERIC}. */
    public String defaultBaseUrl() { return defaultBaseUrl; }

    /**
     * The transport used unless the builder says otherwise, per the lessons: HTTP/2 for OpenAI and Gemini (1.5-2x
     * throughput), HTTP/1.1 for Together (h2 hurt), Anthropic (h2 did not help) and generic servers.
     */
    public TransportKind defaultTransport() { return defaultTransport; }
}
