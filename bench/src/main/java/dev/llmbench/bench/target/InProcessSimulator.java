package dev.llmbench.bench.target;

import dev.llmbench.simulator.Simulator;

import java.nio.file.Path;
import java.util.Map;

/** The simulator embedded in the harness JVM: starts fast, but shares its CPU, GC and JIT (used by tests). */
public final class InProcessSimulator implements SimulatorHandle {
    private final Simulator simulator;

    public InProcessSimulator(long seed, Map<String, String> overrides) {
        Simulator.Builder b = Simulator.builder().seed(seed);
        overrides.forEach(b::set);
        this.simulator = b.start();
    }

    @Override
    public String httpRoot() { return simulator.root(Simulator.Listener.HTTP).toString(); }

    @Override
    public String tlsRoot() { return simulator.root(Simulator.Listener.TLS).toString(); }

    @Override
    public Path trustStore() { return simulator.trustStore(); }

    @Override
    public String trustStorePassword() { return simulator.trustStorePassword(); }

    @Override
    public String describe() { return "in-process"; }

    @Override
    public void close() { simulator.close(); }
}
