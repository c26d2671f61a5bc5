package dev.llmbench.client;

import dev.llmbench.simulator.Simulator;

import java.util.Map;

/** One embedded simulator per test class, and clients pointed at one of its listeners and profiles. */
final class SimulatorFixture {
    private SimulatorFixture() {}

    static String model(Provider p) {
        return switch (p) {
            case OPENAI -> "gpt-4.1-nano";
            case ANTHROPIC -> "claude-haiku-4-5";
            case GEMINI -> "gemini/gemini-2.5-flash";
            case TOGETHER -> "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo";
            case GENERIC -> "sim-zero";
        };
    }

    static String apiVersion(Provider p) { return p == Provider.GEMINI ? "v1beta" : "v1"; }

    /** A builder with a key and base URL for every provider, all on {@code profile} of {@code listener}. */
    static LlmClient.Builder builder(Simulator sim, Simulator.Listener listener, String profile) {
        LlmClient.Builder b = LlmClient.builder().env(Map.of()).retryPolicy(dev.llmbench.client.retry.RetryPolicy.none())
                .trustStore(sim.trustStore(), sim.trustStorePassword());
        for (Provider p : Provider.values()) {
            b.apiKey(p, "sk-sim-" + p.name().toLowerCase() + "-0123456789");
            b.baseUrl(p, sim.baseUrl(listener, profile, apiVersion(p)));
        }
        return b;
    }
}
