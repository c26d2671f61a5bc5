package dev.llmbench.client.internal;

import dev.llmbench.client.ChatResponse;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The future handed to the caller: cancelling it cancels the HTTP call. */
final class RequestFuture extends CompletableFuture<ChatResponse> {
    private volatile Exchange exchange;
    private volatile CompletableFuture<?> waiting;
    private final AtomicReference<Consumer<Throwable>> settle = new AtomicReference<>();

    /**
     * Runs once, with the failure or null, just before this future completes: a concurrency permit goes back before
     * anyone waiting on the future wakes, so a caller that sends its next request on completion finds the window free.
     */
    void beforeCompletion(Consumer<Throwable> hook) {
        settle.set(hook);
        if (isDone()) settle(new CancellationException()); // cancelled before the hook was set
    }

    private void settle(Throwable failure) {
        Consumer<Throwable> hook = settle.getAndSet(null);
        if (hook != null) hook.accept(failure);
    }

    @Override
    public boolean complete(ChatResponse value) {
        settle(null);
        return super.complete(value);
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        settle(failure);
        return super.completeExceptionally(failure);
    }

    void attach(Exchange exchange) { this.exchange = exchange; }

    /** Queued for a concurrency permit: cancelling this future withdraws from the queue. */
    void waitFor(CompletableFuture<?> permit) {
        waiting = permit;
        if (isCancelled()) permit.cancel(false);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        settle(new CancellationException());
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        Exchange e = exchange;
        if (cancelled && e != null) e.cancelledByCaller();
        CompletableFuture<?> w = waiting;
        if (cancelled && w != null) w.cancel(false);
        return cancelled;
    }
}
