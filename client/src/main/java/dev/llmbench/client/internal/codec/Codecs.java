package dev.llmbench.client.internal.codec;

import dev.llmbench.client.Provider;

/** The codec of each provider. Codecs are stateless and shared. */
public final class Codecs {
    private Codecs() {}

    private static final ProviderCodec OPENAI = new OpenAiCodec(Provider.OPENAI, "OpenAI", "max_completion_tokens");
    private static final ProviderCodec TOGETHER = new OpenAiCodec(Provider.TOGETHER, "Together", "max_tokens");
    private static final ProviderCodec GENERIC = new OpenAiCodec(Provider.GENERIC, "OpenAI-compatible", "max_tokens");
    private static final ProviderCodec ANTHROPIC = new AnthropicCodec();
    private static final ProviderCodec GEMINI = new GeminiCodec();

    /**
     * OPENAI, TOGETHER and GENERIC speak the OpenAI Chat Completions format (OpenAI sends {@code max_completion_tokens},
     * the others {@code max_tokens}); ANTHROPIC the Messages format; GEMINI generateContent.
     */
    public static ProviderCodec forProvider(Provider provider) {
        return switch (provider) {
            case OPENAI -> OPENAI;
            case TOGETHER -> TOGETHER;
            case GENERIC -> GENERIC;
            case ANTHROPIC -> ANTHROPIC;
            case GEMINI -> GEMINI;
        };
    }
}
