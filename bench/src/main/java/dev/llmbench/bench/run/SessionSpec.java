package dev.llmbench.bench.run;

import dev.llmbench.client.TransportKind;

/**
 * What a cell's session needs.
 *
 * @param endpoint         provider, model, URL, key
 * @param transport        HTTP stack
 * @param maxConcurrency   in-flight requests the session is sized for
 * @param clientPerRequest true to build (and close) a new client for every request, as the lessons' anti-pattern
 */
public record SessionSpec(Endpoint endpoint, TransportKind transport, int maxConcurrency, boolean clientPerRequest) {}
