package dev.llmbench.bench.target;

import dev.llmbench.bench.cli.Models;
import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;

import java.util.Map;
import java.util.Optional;

/**
 * The real provider APIs. A provider is measured only when its key variable (e.g. {@code OPENAI_API_KEY}) is set; the
 * client reads the key from the environment itself, so the harness never holds it.
 */
public final class LiveTarget implements Target {
    private final Map<String, String> env;
    private final String modelOverride;

    public LiveTarget(Map<String, String> env, String modelOverride) {
        this.env = Map.copyOf(env);
        this.modelOverride = modelOverride;
    }

    @Override
    public boolean simulated() { return false; }

    @Override
    public Optional<Endpoint> endpoint(String provider, boolean tls) {
        Provider p = Models.provider(provider);
        String key = env.get(p.keyVariable());
        if (key == null || key.isBlank()) return Optional.empty();
        String model = Models.model(provider, modelOverride);
        return Optional.of(new Endpoint(provider, ModelRouter.route(model), model, null, null, null, null, false, null));
    }

    /** The environment variable holding {@code provider}'s key, e.g. {@code OPENAI_API_KEY}. */
    public static String keyVariable(String provider) { return Models.provider(provider).keyVariable(); }

    @Override
    public String unavailableReason(String provider) {
        return provider + " skipped: " + Models.provider(provider).keyVariable() + " is not set";
    }

    @Override
    public Map<String, String> provenance() { return Map.of("target", "live"); }

    @Override
    public void close() {}
}
