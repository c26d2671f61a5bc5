package dev.llmbench.client.internal.transport.netty;

import io.netty.channel.ChannelFuture;
import io.netty.util.concurrent.Future;

import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The HTTP/2 connections to one host. Streams go to the least-loaded connection with room under the peer's
 * SETTINGS_MAX_CONCURRENT_STREAMS; until {@code connectionsPerHost} connections exist a new stream opens another one,
 * and when every connection is full another is opened too. Picking a connection is a read of a volatile array and one
 * CAS; only opening a connection takes the pool's monitor.
 */
final class H2ConnectionPool {
    private final int connectionsPerHost;
    private final Function<H2Connection, ChannelFuture> connector;
    private volatile H2Connection[] connections = new H2Connection[0];
    /** The host's stream limit as last advertised; new connections assume it until their own SETTINGS arrive. */
    private volatile int learnedMaxStreams = H2Connection.ASSUMED_MAX_STREAMS;

    /** {@code connector} starts connecting a channel whose pipeline serves the given connection. */
    H2ConnectionPool(int connectionsPerHost, Function<H2Connection, ChannelFuture> connector) {
        this.connectionsPerHost = connectionsPerHost;
        this.connector = connector;
    }

    /**
     * Reserves a stream slot on some connection and calls {@code then} with it once the connection is ready. A slot
     * reserved on a connection whose SETTINGS turned out to allow fewer streams is given back and taken elsewhere, so
     * a burst before the first SETTINGS spreads over connections instead of queueing.
     */
    void acquire(BiConsumer<H2Connection, Throwable> then) {
        H2Connection c = connections.length >= connectionsPerHost ? pickReady() : null;
        if (c == null) c = pickOrOpen();
        H2Connection chosen = c;
        Future<H2Connection> ready = c.ready;
        if (ready.isDone()) onReady(chosen, ready.cause(), then);
        else ready.addListener(f -> onReady(chosen, f.cause(), then));
    }

    private void onReady(H2Connection c, Throwable error, BiConsumer<H2Connection, Throwable> then) {
        if (error != null) {
            c.release();
            then.accept(null, error);
            return;
        }
        learnedMaxStreams = c.maxStreams();
        if (c.overReserved()) {
            c.release();
            acquire(then);
        } else {
            then.accept(c, null);
        }
    }

    int openConnections() {
        int n = 0;
        for (H2Connection c : connections) if (c.channel().isActive()) n++;
        return n;
    }

    void closeAll() {
        for (H2Connection c : connections) c.channel().close();
    }

    private H2Connection pickReady() {
        while (true) {
            H2Connection best = null;
            for (H2Connection c : connections) {
                if (c.acceptsStreams() && c.reserved() < c.maxStreams()
                        && (best == null || c.reserved() < best.reserved())) best = c;
            }
            if (best == null) return null;
            if (best.tryReserve()) return best;
        }
    }

    private synchronized H2Connection pickOrOpen() {
        H2Connection[] current = connections;
        if (current.length >= connectionsPerHost) {
            for (H2Connection c : current) {
                if (c.usable() && c.tryReserve()) return c;
            }
        }
        H2Connection c = new H2Connection(learnedMaxStreams);
        ChannelFuture connect = connector.apply(c);
        c.bind(connect.channel());
        c.forceReserve();
        connect.addListener(f -> { if (!f.isSuccess()) c.ready.tryFailure(f.cause()); });
        H2Connection[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = c;
        connections = grown;
        c.channel().closeFuture().addListener(f -> remove(c));
        return c;
    }

    private synchronized void remove(H2Connection c) {
        H2Connection[] current = connections;
        int i = Arrays.asList(current).indexOf(c);
        if (i < 0) return;
        H2Connection[] shrunk = new H2Connection[current.length - 1];
        System.arraycopy(current, 0, shrunk, 0, i);
        System.arraycopy(current, i + 1, shrunk, i, current.length - i - 1);
        connections = shrunk;
    }
}
