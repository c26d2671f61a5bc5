package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.server.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Passes every call through to the real exchange and keeps a copy of the response; hands it on when the response
 * ends normally (a reset or a client that went away records nothing). For {@link ReplayCache}.
 */
final class RecordingExchange implements Exchange {

    /** Receives a complete response. */
    interface Sink {
        void accept(int status, Map<String, String> headers, boolean streamed, byte[] body);
    }

    private final Exchange ex;
    private final Sink sink;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
    private int status;
    private Map<String, String> headers;

    RecordingExchange(Exchange ex, Sink sink) {
        this.ex = ex;
        this.sink = sink;
    }

    @Override public String method() { return ex.method(); }
    @Override public String path() { return ex.path(); }
    @Override public String query() { return ex.query(); }
    @Override public String header(String name) { return ex.header(name); }
    @Override public byte[] body() { return ex.body(); }
    @Override public String protocol() { return ex.protocol(); }
    @Override public boolean secure() { return ex.secure(); }
    @Override public String connectionId() { return ex.connectionId(); }
    @Override public int requestIndexOnConnection() { return ex.requestIndexOnConnection(); }
    @Override public EventExecutor executor() { return ex.executor(); }
    @Override public ByteBufAllocator alloc() { return ex.alloc(); }
    @Override public long receivedNanos() { return ex.receivedNanos(); }
    @Override public boolean isOpen() { return ex.isOpen(); }
    @Override public void onClose(Runnable r) { ex.onClose(r); }
    @Override public void reset() { ex.reset(); }

    @Override
    public void respond(int status, Map<String, String> headers, ByteBuf body) {
        boolean open = ex.isOpen();
        copy(body);
        ex.respond(status, headers, body);
        if (open) sink.accept(status, headers, false, this.body.toByteArray());
    }

    @Override
    public void startStream(int status, Map<String, String> headers) {
        startStream(status, headers, true);
    }

    @Override
    public void startStream(int status, Map<String, String> headers, boolean flush) {
        this.status = status;
        this.headers = headers;
        ex.startStream(status, headers, flush);
    }

    @Override
    public void write(ByteBuf data, boolean flush) {
        copy(data);
        ex.write(data, flush);
    }

    @Override
    public void end() {
        boolean open = ex.isOpen();
        ex.end();
        if (open && headers != null) sink.accept(status, headers, true, body.toByteArray());
    }

    @Override
    public void end(ByteBuf last) {
        copy(last);
        boolean open = ex.isOpen();
        ex.end(last);
        if (open && headers != null) sink.accept(status, headers, true, body.toByteArray());
    }

    /** Copies the readable bytes before the real exchange takes ownership of the buffer. */
    private void copy(ByteBuf data) {
        if (data == null || !data.isReadable()) return;
        try {
            data.getBytes(data.readerIndex(), body, data.readableBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
    }
}
