package dev.llmbench.bench.path;

import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.TransportKind;

/**
 * What a cell's session needs.
 *
 * @param endpoint         provider, model, URL, key
 * @param transport        HTTP stack
 * @param maxConcurrency   in-flight requests the session is sized for
 * @param clientPerRequest true to build (and close) a new client for every request, as the lessons' anti-pattern
 * @param guard            short client time limits for reliability cells, or null for the client's defaults
 */
public record SessionSpec(Endpoint endpoint, TransportKind transport, int maxConcurrency, boolean clientPerRequest, Guard guard) {
    public SessionSpec(Endpoint endpoint, TransportKind transport, int maxConcurrency, boolean clientPerRequest) {
        this(endpoint, transport, maxConcurrency, clientPerRequest, null);
    }
}
