package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;

import java.util.Map;

/**
 * The protocol-independent half of an exchange: request facts, the response state machine
 * (new → streaming → closed) and close callbacks. Subclasses only put bytes on the wire.
 *
 * <p>State is confined to the channel's event loop; calls from elsewhere are re-scheduled there rather than
 * racing, so a misbehaving handler costs a task hop, never a corrupted stream.
 *
 * <p>Writes never block and are never refused: what a slow client has not taken yet waits in Netty's outbound buffer
 * (HTTP/1.1) or in the HTTP/2 flow controller until the client's window opens. That is bounded by one response,
 * small for simulated replies, and keeps each stream's pacing independent of its siblings, as on a real server.
 */
abstract class AbstractExchange implements Exchange {

    private enum State { NEW, STREAMING, CLOSED }

    /** The channel responses are written to: the connection (HTTP/1.1) or the stream child channel (h2). */
    protected final Channel channel;
    private final String method;
    private final String path;
    private final String query;
    private final byte[] body;
    private final ConnectionState connection;
    private final int requestIndex;
    private final long receivedNanos;

    private State state = State.NEW;
    private boolean closedAlready;
    private Runnable closeCallbacks;

    AbstractExchange(Channel channel, String method, String target, byte[] body, ConnectionState connection,
                     long receivedNanos) {
        this.channel = channel;
        this.method = method;
        this.body = body;
        this.connection = connection;
        this.requestIndex = connection.nextRequestIndex();
        this.receivedNanos = receivedNanos;
        String originForm = originForm(target);
        int q = originForm.indexOf('?');
        this.path = q < 0 ? originForm : originForm.substring(0, q);
        this.query = q < 0 ? "" : originForm.substring(q + 1);
    }

    /** Strips scheme and authority from an absolute-form request target ({@code http://host/p} → {@code /p}). */
    private static String originForm(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0 || target.startsWith("/")) return target;
        int slash = target.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : target.substring(slash);
    }

    // ---- wire operations of the concrete protocol; called on the event loop in a valid state ----

    protected abstract void sendFull(int status, Map<String, String> headers, ByteBuf body);

    protected abstract void sendHead(int status, Map<String, String> headers, boolean flush);

    protected abstract void sendData(ByteBuf data, boolean flush);

    protected abstract void sendEnd();

    /** The final body part and the end of the stream, flushed once. */
    protected abstract void sendLast(ByteBuf last);

    protected abstract void sendReset();

    /** Called once after the exchange closed (the HTTP/1.1 connection moves on to its next request). */
    protected void afterClose() {}

    // ---- dispatch ----

    /** Hands the exchange to the handler; a throwing handler becomes a 500 (or a reset if already streaming). */
    final void dispatch(ExchangeHandler handler) {
        try {
            handler.handle(this);
        } catch (Throwable t) {
            HandlerFailures.report(method, path, t);
            if (state == State.NEW) {
                respond(500, ErrorBodies.JSON, ErrorBodies.internalError(alloc()));
            } else {
                reset();
            }
            if (t instanceof VirtualMachineError fatal) throw fatal;
        }
    }

    /** The client went away (connection closed, stream reset): close without writing anything. */
    final void clientGone() {
        if (state != State.CLOSED) markClosed();
    }

    // ---- Exchange ----

    @Override public final String method() { return method; }
    @Override public final String path() { return path; }
    @Override public final String query() { return query; }
    @Override public final byte[] body() { return body; }
    @Override public final boolean secure() { return connection.secure; }
    @Override public final String connectionId() { return connection.id; }
    @Override public final int requestIndexOnConnection() { return requestIndex; }
    @Override public final EventExecutor executor() { return channel.eventLoop(); }
    @Override public final ByteBufAllocator alloc() { return channel.alloc(); }
    @Override public final long receivedNanos() { return receivedNanos; }

    @Override
    public final void respond(int status, Map<String, String> headers, ByteBuf body) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> respond(status, headers, body));
            return;
        }
        if (state != State.NEW) {
            ReferenceCountUtil.release(body);
            return;
        }
        state = State.CLOSED;
        sendFull(status, headers, body);
        markClosed();
    }

    @Override
    public final void startStream(int status, Map<String, String> headers) {
        startStream(status, headers, true);
    }

    @Override
    public final void startStream(int status, Map<String, String> headers, boolean flush) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> startStream(status, headers, flush));
            return;
        }
        if (state != State.NEW) return;
        state = State.STREAMING;
        sendHead(status, headers, flush);
    }

    @Override
    public final void write(ByteBuf data, boolean flush) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> write(data, flush));
            return;
        }
        if (state != State.STREAMING) {
            ReferenceCountUtil.release(data);
            return;
        }
        sendData(data, flush);
    }

    @Override
    public final void end() {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(this::end);
            return;
        }
        if (state != State.STREAMING) return;
        state = State.CLOSED;
        sendEnd();
        markClosed();
    }

    @Override
    public final void end(ByteBuf last) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> end(last));
            return;
        }
        if (state != State.STREAMING) {
            ReferenceCountUtil.release(last);
            return;
        }
        state = State.CLOSED;
        sendLast(last);
        markClosed();
    }

    @Override
    public final void reset() {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(this::reset);
            return;
        }
        if (state == State.CLOSED) return;
        state = State.CLOSED;
        sendReset();
        markClosed();
    }

    @Override
    public final boolean isOpen() {
        return state != State.CLOSED;
    }

    @Override
    public final void onClose(Runnable r) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> onClose(r));
            return;
        }
        if (closedAlready) {
            r.run();
            return;
        }
        Runnable previous = closeCallbacks;
        closeCallbacks = previous == null ? r : () -> { previous.run(); r.run(); };
    }

    private void markClosed() {
        state = State.CLOSED;
        if (closedAlready) return;
        closedAlready = true;
        Runnable callbacks = closeCallbacks;
        closeCallbacks = null;
        try {
            if (callbacks != null) callbacks.run();
        } catch (RuntimeException e) {
            HandlerFailures.report(method, path, e);
        } finally {
            afterClose();
        }
    }
}
