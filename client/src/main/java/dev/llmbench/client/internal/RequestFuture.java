package dev.llmbench.client.internal;

import dev.llmbench.client.ChatResponse;

import java.util.concurrent.CompletableFuture;

/** The future handed to the caller: cancelling it cancels the HTTP call. */
final class RequestFuture extends CompletableFuture<ChatResponse> {
    private volatile Exchange exchange;
    private volatile CompletableFuture<?> waiting;

    void attach(Exchange exchange) { this.exchange = exchange; }

    /** Queued for a concurrency permit: cancelling this future withdraws from the queue. */
    void waitFor(CompletableFuture<?> permit) {
        waiting = permit;
        if (isCancelled()) permit.cancel(false);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Exchange e = exchange;
        if (cancelled && e != null) e.cancelledByCaller();
        CompletableFuture<?> w = waiting;
        if (cancelled && w != null) w.cancel(false);
        return cancelled;
    }
}
