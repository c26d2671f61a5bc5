package dev.llmbench.bench.cli;

import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Default model per provider (the lessons' models) and the routing prefix that sends a model to its provider. */
public final class Models {
    private Models() {}

    public static Provider provider(String id) {
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
     * elsewhere (an override {@link #providersFor} accepted; OpenAI has no prefix to add).
     */
    public static String model(String provider, String override) {
        if (override == null) return defaultModel(provider);
        Provider routed = ModelRouter.route(override);
        return switch (provider) {
            case "gemini" -> routed == Provider.GEMINI ? override : "gemini/" + override;
            case "together" -> routed == Provider.TOGETHER ? override : "together_ai/" + override;
            case "anthropic" -> routed == Provider.ANTHROPIC ? override : "anthropic/" + override;
            default -> override;
        };
    }

    /**
     * The providers a {@code -Dmodel} override is measured on (sim and live targets; a base-URL target takes any model).
     * Every provider must get a model the client routes to it, as named or with the prefix {@link #model} adds: a name the
     * router gives to another provider ({@code gpt-4o} for Gemini, {@code claude-*} for OpenAI) would reach the wrong
     * wire format, and OpenAI has no prefix, so a name the router does not know would go over the generic path
     * (live: to {@code OPENAI_COMPATIBLE_BASE_URL}, not OpenAI). The simulator serves any model name (simulator
     * README, {@code models}), so routing is the whole check there. Without {@code -Dprovider}, a model that names
     * its provider selects it.
     *
     * @throws OptionException naming the model, the providers it cannot go to and what each accepts
     */
    static List<String> providersFor(String model, List<String> providers, boolean providersGiven) {
        if (model == null) return providers;
        Provider routed = ModelRouter.route(model);
        if (!providersGiven && routed != Provider.GENERIC) return List.of(routed.name().toLowerCase(Locale.ROOT));
        List<String> problems = new ArrayList<>();
        for (String p : providers) {
            // the prefix is added only to a name the router leaves generic; OpenAI has none to add
            boolean routesThere = routed == provider(p) || routed == Provider.GENERIC && provider(p) != Provider.OPENAI;
            if (!routesThere) problems.add(p + " takes " + accepts(p));
        }
        if (problems.isEmpty()) return providers;
        String routes = routed == Provider.GENERIC ? "over the generic OpenAI-compatible path" : "to " + routed.name().toLowerCase(Locale.ROOT);
        throw new OptionException("model", model, String.join("; ", problems) + " (the client sends " + model + " " + routes
                + "; choose providers with -Dprovider, or use -Dtarget=<base URL> for any other model)");
    }

    /** The model names the client routes to {@code provider}, as {@link ModelRouter} decides. */
    static String accepts(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-*, o1*, o3*, o4*, chatgpt-*";
            case "anthropic" -> "claude-*, anthropic/*, or a name no other provider claims (anthropic/ is added)";
            case "gemini" -> "gemini/*, or a name no other provider claims (gemini/ is added)";
            case "together" -> "together_ai/*, or a name no other provider claims (together_ai/ is added)";
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    /** The API version path segment the provider's base URL ends with. */
    public static String apiVersion(String provider) {
        return provider.equals("gemini") ? "v1beta" : "v1";
    }
}
