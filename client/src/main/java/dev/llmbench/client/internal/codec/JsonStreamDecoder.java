package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.internal.sse.SseHandler;
import dev.llmbench.client.internal.sse.SseParser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The common part of the SSE+JSON decoders: SSE framing, one reusable non-blocking Jackson parser per stream that each
 * event's JSON is fed to (so no parser, buffer or String is made per event), and the end-of-stream rules: one
 * terminal outcome (onDone or onError), nothing after it, and any failure to parse an event reported as
 * {@link LlmException.Protocol} instead of thrown.
 */
abstract class JsonStreamDecoder implements StreamDecoder, SseHandler {
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    protected final EventSink sink;
    /** What readers report to: passed on to {@link #sink} only once the event parsed completely. */
    protected final PendingCalls pending;
    protected final String provider;
    /** Positioned by {@link #beginObject} on an event's root object; subclasses walk it with {@link Json}. */
    protected final JsonParser json;
    private final ByteArrayFeeder feeder;
    private final SseParser sse = new SseParser(this);
    private boolean finished;
    private boolean sawEvent;
    private byte[] eventBytes;
    private int eventEnd;
    private long eventNanos;

    JsonStreamDecoder(EventSink sink, String provider) {
        this.sink = sink;
        this.pending = new PendingCalls(sink);
        this.provider = provider;
        try {
            this.json = Json.FACTORY.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.feeder = (ByteArrayFeeder) json.getNonBlockingInputFeeder();
    }

    /** Handles one SSE event whose data is {@code data[offset, offset + length)}. */
    protected abstract void event(String type, byte[] data, int offset, int length, long nanoTime) throws IOException;

    /** The body ended without a terminal event: call {@link #done()} or {@link #fail}. */
    protected abstract void endOfStream(boolean sawEvent, long nanoTime);

    @Override
    public final void feed(ByteBuffer buf, long nanoTime) {
        if (finished) {
            buf.position(buf.limit());
            return;
        }
        sse.feed(buf, nanoTime);
    }

    @Override
    public final void end(long nanoTime) {
        if (finished) return;
        sse.end(nanoTime);
        if (!finished) endOfStream(sawEvent, nanoTime);
    }

    @Override
    public final void onEvent(String type, byte[] data, int offset, int length, long nanoTime) {
        if (finished) return;
        sawEvent = true;
        sink.onEvent(nanoTime);
        eventNanos = nanoTime;
        try {
            event(type, data, offset, length, nanoTime);
        } catch (IOException e) {
            pending.clear();
            fail(new LlmException.Protocol(provider + ": malformed '" + type + "' event: " + e.getMessage(), 0, e));
        } catch (RuntimeException e) {
            // Thrown by the sink after the outcome was delivered: surface it rather than report a second outcome.
            if (finished) throw e;
            pending.clear();
            fail(new LlmException.Protocol(provider + ": cannot decode '" + type + "' event: " + e, 0, e));
        }
    }

    @Override
    public final void onComment(CharSequence comment, long nanoTime) {
        if (!finished) sink.onComment(comment, nanoTime);
    }

    @Override
    public final void onOverflow(String reason, long nanoTime) {
        if (!finished) fail(new LlmException.Protocol(provider + ": " + reason, 0, null));
    }

    /** The provider's terminal event arrived. */
    protected final void done() {
        finish();
        sink.onDone();
    }

    protected final void fail(LlmException error) {
        finish();
        sink.onError(error);
    }

    private void finish() {
        finished = true;
        try {
            json.close(); // hands its buffers back to Jackson's recycler for the next stream
        } catch (IOException | RuntimeException ignored) {
            // nothing to release then
        }
    }

    /** The standard end-of-stream failure: an empty body, or one cut before the terminal event. */
    protected final void failTruncated(boolean sawEvent, String missing) {
        fail(new LlmException.Protocol(provider + (sawEvent ? ": truncated stream (no " + missing + ")" : ": empty stream"),
                0, null));
    }

    /** An error object arrived in the stream. */
    protected final void failWith(ProviderError error, byte[] data, int offset, int length) {
        fail(ErrorDecoding.fromStreamError(provider, error, new String(data, offset, length, StandardCharsets.UTF_8)));
    }

    /**
     * Feeds an event's data to the parser and moves it onto the root object. Returns false for blank data. Anything
     * but an object is malformed.
     */
    protected final boolean beginObject(byte[] data, int offset, int length) throws IOException {
        int i = offset;
        int end = offset + length;
        while (i < end && isWhitespace(data[i])) i++;
        if (i == end) return false;
        if (data[i] != '{') throw new Json.MalformedJson("expected a JSON object");
        eventBytes = data;
        eventEnd = end;
        feeder.feedInput(data, i, end);
        if (json.nextToken() != JsonToken.START_OBJECT) throw new Json.MalformedJson("expected a JSON object");
        return true;
    }

    /**
     * After the walker consumed the root object's END_OBJECT: only whitespace may follow it in the event (the parser
     * keeps state across events, so trailing bytes must not leak into the next one). Then passes on what the reader
     * found.
     */
    protected final void endObject() throws IOException {
        int rest = json.releaseBuffered(DISCARD);
        for (int i = eventEnd - rest; i < eventEnd; i++) {
            if (!isWhitespace(eventBytes[i])) throw new Json.MalformedJson("content after the JSON object");
        }
        if (rest > 0 && json.nextToken() != JsonToken.NOT_AVAILABLE) throw new Json.MalformedJson("content after the JSON object");
        eventBytes = null;
        pending.flush(eventNanos);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
