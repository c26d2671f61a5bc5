package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.server.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The responses of a replay profile ({@code io.replay=true}): the first answer to a request is generated as usual and
 * recorded; every later request with the same path, query and body bytes gets those bytes again, with no parsing,
 * planning or encoding. A zero-latency server streaming a fixed response, for measuring a client's own ceiling: the
 * server's cost per request is then only its HTTP stack's. Bounded: past {@link #MAX_ENTRIES} distinct requests the
 * rest are generated every time.
 */
final class ReplayCache {
    static final int MAX_ENTRIES = 64;

    /** What identifies a request: everything a replay profile's response depends on. */
    record Key(String path, String query, ByteBuffer body) {
        static Key of(Exchange ex) {
            return new Key(ex.path(), ex.query(), ByteBuffer.wrap(ex.body()));
        }
    }

    /** A recorded success: status, headers and the whole body, kept in one unreleasable direct buffer. */
    record Recorded(int status, Map<String, String> headers, boolean streamed, ByteBuf body) {
        void sendTo(Exchange ex) {
            ByteBuf bytes = body.duplicate(); // shares the memory; releasing it is a no-op
            if (!streamed) {
                ex.respond(status, headers, bytes);
            } else {
                ex.startStream(status, headers, false); // headers and body leave in one flush
                ex.end(bytes);
            }
        }
    }

    private final ConcurrentHashMap<Key, Recorded> entries = new ConcurrentHashMap<>();

    /** Sends the recorded answer to {@code key}; false when there is none yet. */
    boolean replay(Exchange ex, Key key) {
        Recorded r = entries.get(key);
        if (r == null) return false;
        r.sendTo(ex);
        return true;
    }

    /** An exchange that answers {@code ex} and records a complete 2xx answer under {@code key} (if there is room). */
    Exchange recording(Exchange ex, Key key) {
        if (entries.size() >= MAX_ENTRIES) return ex;
        return new RecordingExchange(ex, (status, headers, streamed, body) -> {
            if (status / 100 != 2 || entries.size() >= MAX_ENTRIES) return;
            ByteBuf stored = Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length).writeBytes(body));
            entries.putIfAbsent(key, new Recorded(status, Map.copyOf(headers), streamed, stored));
        });
    }

    int size() { return entries.size(); }
}
