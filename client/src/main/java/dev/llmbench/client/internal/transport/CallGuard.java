package dev.llmbench.client.internal.transport;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * Makes a transport call end exactly once: the first of completion, failure or cancellation wins; after that the
 * sink sees nothing more. A CAS on one field, no lock.
 */
public abstract class CallGuard implements Transport.Cancellable {
    private static final AtomicIntegerFieldUpdater<CallGuard> ENDED =
            AtomicIntegerFieldUpdater.newUpdater(CallGuard.class, "ended");

    protected final ResponseSink sink;
    private volatile int ended;

    protected CallGuard(ResponseSink sink) { this.sink = sink; }

    /** True once the call completed, failed or was cancelled. */
    protected final boolean ended() { return ended != 0; }

    protected final void complete(long nanoTime) {
        if (ENDED.compareAndSet(this, 0, 1)) sink.onComplete(nanoTime);
    }

    protected final void fail(Throwable error, long nanoTime) {
        if (ENDED.compareAndSet(this, 0, 1)) sink.onError(error, nanoTime);
    }

    @Override
    public final void cancel() {
        if (ENDED.compareAndSet(this, 0, 1)) abort();
    }

    /** Releases the stack's resources for this call; the sink is not called again. */
    protected abstract void abort();
}
