package dev.llmbench.bench.target;

import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;

import java.util.Map;
import java.util.Optional;

/**
 * One OpenAI-compatible server (vLLM, Ollama, a LiteLLM proxy...) at a base URL: provider {@code generic}. Its key, if
 * it needs one, comes from {@code OPENAI_COMPATIBLE_API_KEY}; without one a placeholder is sent.
 */
public final class BaseUrlTarget implements Target {
    private final String baseUrl;
    private final String model;
    private final String key;

    public BaseUrlTarget(String baseUrl, String model, Map<String, String> env) {
        this.baseUrl = baseUrl;
        this.model = model;
        String k = env.get(Provider.GENERIC.keyVariable());
        this.key = k == null || k.isBlank() ? "no-key" : k;
    }

    @Override
    public boolean simulated() { return false; }

    @Override
    public Optional<Endpoint> endpoint(String provider, boolean tls) {
        // set explicitly: the model may route to a provider whose own key variable does not apply here
        return Optional.of(new Endpoint("generic", ModelRouter.route(model), model, baseUrl, key,
                null, null, false, null));
    }

    @Override
    public String unavailableReason(String provider) { return ""; }

    @Override
    public Map<String, String> provenance() { return Map.of("target", baseUrl); }

    @Override
    public void close() {}
}
