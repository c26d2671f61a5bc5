package dev.llmbench.client.internal.transport;

/**
 * An HTTP stack. Implementations send one request per {@link #send} call and push the response to the sink from their
 * own I/O threads; they hold no per-request thread. Started lazily on the first send; thread-safe.
 */
public interface Transport extends AutoCloseable {

    /** Sends {@code call}; the returned handle cancels it (the sink then sees no further calls after onError). */
    Cancellable send(HttpCall call, ResponseSink sink);

    /** Connections currently open (for leak checks and reports); -1 if the stack cannot tell. */
    int openConnections();

    @Override
    void close();

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
