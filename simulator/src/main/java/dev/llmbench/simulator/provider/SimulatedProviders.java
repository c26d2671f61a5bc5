package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.SimulatorSettings;
import dev.llmbench.simulator.server.Exchange;
import dev.llmbench.simulator.server.ExchangeHandler;

/** Placeholder: routes exchanges to the provider endpoints. */
public final class SimulatedProviders implements ExchangeHandler, AutoCloseable {
    public SimulatedProviders(SimulatorSettings settings) {}

    @Override
    public void handle(Exchange exchange) { throw new UnsupportedOperationException("TODO"); }

    @Override
    public void close() {}
}
