package dev.llmbench.simulator.server;

/** Serves exchanges; called on the exchange's event loop, must not block. */
@FunctionalInterface
public interface ExchangeHandler {
    void handle(Exchange exchange);
}
