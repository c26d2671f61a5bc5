package dev.llmbench.bench.target;

import dev.llmbench.bench.cli.Models;
import dev.llmbench.client.ModelRouter;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The provider simulator: each provider is served by the profile of the same name, over the cleartext listener (HTTP/1.1,
 * h2c upgrade and prior knowledge) or, when asked, the TLS listener. Keys are {@code sim-key-<provider>-<random>}, one
 * per provider per run (the simulator's rate limits are per key).
 */
public final class SimTarget implements Target {
    private final SimulatorHandle simulator;
    private final String modelOverride;
    private final String keySuffix;

    public SimTarget(SimulatorHandle simulator, String modelOverride) {
        this.simulator = simulator;
        this.modelOverride = modelOverride;
        byte[] b = new byte[6];
        new SecureRandom().nextBytes(b);
        this.keySuffix = HexFormat.of().formatHex(b);
    }

    @Override
    public boolean simulated() { return true; }

    @Override
    public Optional<Endpoint> endpoint(String provider, boolean tls) {
        String root = tls ? simulator.tlsRoot() : simulator.httpRoot();
        String model = Models.model(provider, modelOverride);
        String baseUrl = root + "/" + provider + "/" + Models.apiVersion(provider);
        return Optional.of(new Endpoint(provider, ModelRouter.route(model), model, baseUrl, "sim-key-" + provider + "-" + keySuffix,
                simulator.trustStore(), simulator.trustStorePassword(), true, provider));
    }

    @Override
    public String unavailableReason(String provider) { return ""; }

    @Override
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("target", "simulator");
        p.put("simulator", simulator.describe());
        return p;
    }

    @Override
    public void close() { simulator.close(); }
}
