package dev.llmbench.simulator;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the provider side of the simulator is configured with.
 *
 * @param defaultProfile profile used for paths without a profile prefix (e.g. {@code openai})
 * @param profileFile    optional properties file overriding profile parameters, or null
 * @param overrides      individual overrides, {@code <profile>.<parameter>=value} (same keys as the profile file)
 * @param seed           seed of every random choice, so a run is reproducible
 */
public record SimulatorSettings(String defaultProfile, Path profileFile, Map<String, String> overrides, long seed) {
    public SimulatorSettings {
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }
}
