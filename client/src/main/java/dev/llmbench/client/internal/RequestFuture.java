package dev.llmbench.client.internal;

import dev.llmbench.client.ChatResponse;

import java.util.concurrent.CompletableFuture;

/** The future handed to the caller: cancelling it cancels the HTTP call. */
final class RequestFuture extends CompletableFuture<ChatResponse> {
    private volatile Exchange exchange;

    void attach(Exchange exchange) { this.exchange = exchange; }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Exchange e = exchange;
        if (cancelled && e != null) e.cancelledByCaller();
        return cancelled;
    }
}
