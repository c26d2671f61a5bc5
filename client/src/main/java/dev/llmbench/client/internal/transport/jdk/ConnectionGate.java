package dev.llmbench.client.internal.transport.jdk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets one request per host (the pioneer) open the JDK client's HTTP/2 connection while the others wait, until it has
 * one. Why: JDK 17's HttpClient opens a connection for every request that finds none in its pool; the first to finish
 * goes into the pool, every other one is marked "final stream" and, once its stream ends, only sends GOAWAY without
 * closing the socket. Such a connection is in no pool, so nothing in the client closes it, not even its shutdown (only
 * the server can, e.g. at its idle timeout). With the gate a burst of first requests opens one connection, and close
 * leaves none open (JDK 21+ also closes such connections at shutdownNow()).
 *
 * <p>The gate opens when a request is known to have a pooled connection (its body is being sent, or its response
 * headers arrived), and closes again after a transport failure, which may have taken the connection down. A pioneer
 * that ends without a connection hands the role to the next waiting request.
 */
final class ConnectionGate {
    /** A request waiting to be sent; {@code pioneer} is true when it is the one to open the connection. */
    interface Send {
        void run(boolean pioneer);
    }

    private volatile boolean open;
    private boolean pioneerActive;
    private final ArrayDeque<Send> waiting = new ArrayDeque<>();

    /** Sends now (as the pioneer when no connection is known) or once the pioneer has a connection. */
    void submit(Send send) {
        boolean pioneer;
        synchronized (this) {
            if (!open && pioneerActive) {
                waiting.add(send);
                return;
            }
            pioneer = !open;
            if (pioneer) pioneerActive = true;
        }
        send.run(pioneer);
    }

    /** A request has a pooled connection: everyone waiting is sent. */
    void connected() {
        if (open) return;
        List<Send> go;
        synchronized (this) {
            open = true;
            pioneerActive = false;
            go = new ArrayList<>(waiting);
            waiting.clear();
        }
        for (Send s : go) s.run(false);
    }

    /** The pioneer ended without a connection: the next waiting request becomes the pioneer. */
    void pioneerEnded() {
        Send next;
        synchronized (this) {
            pioneerActive = false;
            if (open || waiting.isEmpty()) return;
            next = waiting.poll();
            pioneerActive = true;
        }
        next.run(true);
    }

    /** A transport failure: the connection may be gone, so the next request opens one alone again. */
    void lost() {
        open = false;
    }

    /** Requests waiting for the pioneer (tests). */
    synchronized int waiting() { return waiting.size(); }
}
