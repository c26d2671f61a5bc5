package dev.llmbench.bench.load;

import dev.llmbench.client.ChatRequest;

/** The requests of one cell. */
@FunctionalInterface
public interface RequestFactory {
    /**
     * @param index  0-based within its phase
     * @param warmup true for warm-up requests (excluded from results; e.g. must not warm a prefix cache under test)
     */
    ChatRequest request(int index, boolean warmup);
}
