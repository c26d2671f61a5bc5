package dev.llmbench.simulator.server;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Per-connection facts shared by every exchange on it; mutated only on the connection's event loop. */
final class ConnectionState {

    private static final AttributeKey<ConnectionState> KEY = AttributeKey.valueOf(ConnectionState.class, "state");

    final String id;
    final boolean secure;
    private int nextRequestIndex;

    private ConnectionState(String id, boolean secure) {
        this.id = id;
        this.secure = secure;
    }

    static void attach(Channel connection, String id, boolean secure) {
        connection.attr(KEY).set(new ConnectionState(id, secure));
    }

    /** The state of a connection channel, or of the parent connection of an HTTP/2 stream channel. */
    static ConnectionState of(Channel channel) {
        ConnectionState state = channel.attr(KEY).get();
        if (state == null && channel.parent() != null) state = channel.parent().attr(KEY).get();
        if (state == null) throw new IllegalStateException("channel without connection state");
        return state;
    }

    int nextRequestIndex() {
        return nextRequestIndex++;
    }
}
