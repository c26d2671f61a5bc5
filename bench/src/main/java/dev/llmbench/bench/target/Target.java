package dev.llmbench.bench.target;

import java.util.Map;
import java.util.Optional;

/** Where a sweep's requests go: the simulator, the real providers, or one OpenAI-compatible server. */
public interface Target extends AutoCloseable {

    /** True when the numbers come from the simulator (reports label them "simulated"). */
    boolean simulated();

    /**
     * The endpoint of {@code provider}, or empty when this target cannot serve it (the reason goes to the console).
     *
     * @param tls true to reach it over TLS where the target offers a choice (the simulator)
     */
    Optional<Endpoint> endpoint(String provider, boolean tls);

    /** Why {@link #endpoint} is empty for {@code provider}, e.g. a missing key variable. */
    String unavailableReason(String provider);

    /** What goes into the report's provenance: target name, profile, URLs (never keys). */
    Map<String, String> provenance();

    @Override
    void close();
}
