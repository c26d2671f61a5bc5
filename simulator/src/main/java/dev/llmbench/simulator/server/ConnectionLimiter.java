package dev.llmbench.simulator.server;

import io.netty.channel.Channel;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/** Caps simultaneous connections per client address across all listeners (0 = no cap). */
final class ConnectionLimiter {

    private final int maxPerClient;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    ConnectionLimiter(int maxPerClient) {
        this.maxPerClient = maxPerClient;
    }

    /** Counts {@code connection} in, or returns false if its client is already at the cap. */
    boolean admit(Channel connection) {
        if (maxPerClient <= 0) return true;
        InetAddress client = ((InetSocketAddress) connection.remoteAddress()).getAddress();
        if (open.merge(client, 1, Integer::sum) > maxPerClient) {
            release(client);
            return false;
        }
        connection.closeFuture().addListener(f -> release(client));
        return true;
    }

    private void release(InetAddress client) {
        open.computeIfPresent(client, (address, n) -> n <= 1 ? null : n - 1);
    }
}
