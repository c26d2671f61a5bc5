package dev.llmbench.bench.run;

import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;

import java.util.Locale;

/** Default model per provider (the lessons' models) and the routing prefix that sends a model to its provider. */
final class Models {
    private Models() {}

    static Provider provider(String id) {
        return Provider.valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** The lessons' model of each provider, written the way the client routes it. */
    static String defaultModel(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-4.1-nano";
            case "anthropic" -> "claude-haiku-4-5";
            case "gemini" -> "gemini/gemini-3-flash-preview";
            case "together" -> "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo";
            default -> throw new IllegalArgumentException("no default model for " + provider);
        };
    }

    /**
     * {@code override} (from {@code -Dmodel}) with the routing prefix added where the client would otherwise route it
     * elsewhere; an OpenAI model the router does not recognise stays as is and goes over the generic (OpenAI-format) path.
     */
    static String model(String provider, String override) {
        if (override == null) return defaultModel(provider);
        Provider routed = ModelRouter.route(override);
        return switch (provider) {
            case "gemini" -> routed == Provider.GEMINI ? override : "gemini/" + override;
            case "together" -> routed == Provider.TOGETHER ? override : "together_ai/" + override;
            case "anthropic" -> routed == Provider.ANTHROPIC ? override : "anthropic/" + override;
            default -> override;
        };
    }

    /** The API version path segment the provider's base URL ends with. */
    static String apiVersion(String provider) {
        return provider.equals("gemini") ? "v1beta" : "v1";
    }
}
