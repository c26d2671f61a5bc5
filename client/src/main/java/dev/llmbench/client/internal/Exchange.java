package dev.llmbench.client.internal;

import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.Usage;
import dev.llmbench.client.internal.codec.EventSink;
import dev.llmbench.client.internal.codec.HeaderLookup;
import dev.llmbench.client.internal.codec.StreamDecoder;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.ResponseSink;
import dev.llmbench.client.internal.transport.Transport;

import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * One request from send to outcome, on the hot path: transport thread → {@link ResponseSink} → {@link StreamDecoder}
 * → this {@link EventSink}, which stamps {@link MutableStreamTiming}, appends text and forwards to the listener. Per event it
 * allocates nothing beyond what the decoder hands over.
 *
 * <p>Exactly one outcome: success, failure, timeout, cancellation and close race through one CAS on {@code state}.
 * Time limits are one watchdog task on the client's shared timer; it re-arms itself only when it fires early (reads
 * just stamp {@code lastReadNanos}), so a normal stream schedules one task in all.
 *
 * <p>Known edge: a timeout, cancel or close ends the request from another thread while the transport thread may be
 * inside a body read; that read can still deliver a last onToken after the listener's onError (no lock is taken on
 * the hot path to prevent it). The future's outcome is exact either way.
 */
final class Exchange implements ResponseSink, EventSink, Runnable {
    private static final AtomicIntegerFieldUpdater<Exchange> STATE = AtomicIntegerFieldUpdater.newUpdater(Exchange.class, "state");
    private static final int RUNNING = 0, DONE = 1;
    /** Upper bound on a buffered non-streaming or error body. */
    private static final int MAX_BUFFERED_BODY = 64 * 1024 * 1024;

    private final DefaultLlmClient client;
    private final ProviderRuntime runtime;
    private final String providerModel;
    private final boolean streaming;
    private final StreamListener listener;
    private final RequestFuture future;
    private final MutableStreamTiming timing = new MutableStreamTiming();
    private final StringBuilder text = new StringBuilder(256);
    private StringBuilder thinking;

    private volatile int state;
    private volatile boolean headersReceived;
    private volatile long lastReadNanos;
    private volatile Transport.Cancellable call;
    private volatile ScheduledFuture<?> watchdog;

    // Written and read by the transport thread delivering this response (one at a time).
    private int status;
    private String protocol;
    private HeaderLookup headers = HeaderLookup.EMPTY;
    private StreamDecoder decoder;
    private GrowableBytes buffered;
    private long wholeBodyNanos; // non-streaming: every event is stamped with the end of the body
    private long lastEventNanos;
    private String finishReason;
    private String reportedModel;
    private boolean usageReported;
    private long inputTokens, cachedInputTokens, outputTokens, reasoningTokens;

    Exchange(DefaultLlmClient client, ProviderRuntime runtime, String providerModel, boolean streaming,
             StreamListener listener, RequestFuture future) {
        this.client = client;
        this.runtime = runtime;
        this.providerModel = providerModel;
        this.streaming = streaming;
        this.listener = listener;
        this.future = future;
    }

    void start(HttpCall httpCall) {
        long now = System.nanoTime();
        timing.markSend(now);
        lastReadNanos = now;
        armWatchdog(Math.min(client.firstByteTimeout.toNanos(), client.requestTimeout.toNanos()));
        try {
            Transport.Cancellable c = runtime.transport().send(httpCall, this);
            call = c;
            if (state != RUNNING) c.cancel(); // failed or cancelled while send() ran
        } catch (RuntimeException e) {
            fail(Failures.classify(e, client.connectTimeout));
        }
    }

    // ---- ResponseSink (transport thread) ----

    @Override
    public void onHeaders(int status, String protocol, HeaderLookup headers, long nanoTime) {
        if (state != RUNNING) return;
        this.status = status;
        this.protocol = protocol;
        this.headers = headers;
        timing.markHeaders(nanoTime);
        lastReadNanos = nanoTime;
        headersReceived = true;
        if (isSuccess() && streaming) {
            decoder = runtime.codec().newStreamDecoder(this);
            listener.onOpen(status, protocol, nanoTime);
        } else {
            buffered = new GrowableBytes(MAX_BUFFERED_BODY);
        }
    }

    @Override
    public void onBody(ByteBuffer data, long nanoTime) {
        lastReadNanos = nanoTime;
        if (state != RUNNING) return;
        if (decoder != null) decoder.feed(data, nanoTime);
        else buffered.append(data);
    }

    @Override
    public void onComplete(long nanoTime) {
        if (state != RUNNING) return;
        if (!isSuccess()) {
            fail(runtime.codec().decodeError(status, headers, buffered.toArray()));
        } else if (decoder != null) {
            decoder.end(nanoTime); // calls onDone, or onError for a truncated stream
        } else {
            wholeBodyNanos = nanoTime;
            timing.markEvent(nanoTime);
            lastEventNanos = nanoTime;
            runtime.codec().decodeResponse(buffered.toArray(), this);
        }
        if (state == RUNNING) fail(new LlmException.Protocol("the response ended without a result", status, null));
    }

    @Override
    public void onError(Throwable error, long nanoTime) {
        if (state == RUNNING) fail(Failures.classify(error, client.connectTimeout));
    }

    // ---- EventSink (decoder, same thread) ----

    @Override
    public void onEvent(long nanoTime) {
        if (wholeBodyNanos != 0) return; // non-streaming: the body was the one event
        timing.markEvent(nanoTime);
        lastEventNanos = nanoTime;
    }

    @Override
    public void onText(CharSequence delta, boolean thought, long nanoTime) {
        if (state != RUNNING) return;
        long at = wholeBodyNanos != 0 ? wholeBodyNanos : nanoTime;
        timing.markToken(at, thought);
        if (thought) {
            if (thinking == null) thinking = new StringBuilder(256);
            thinking.append(delta);
        } else {
            text.append(delta);
        }
        listener.onToken(delta, thought, at);
    }

    @Override
    public void onComment(CharSequence comment, long nanoTime) {
        if (state == RUNNING) listener.onComment(comment, nanoTime);
    }

    @Override
    public void onFinish(String finishReason) { this.finishReason = finishReason; }

    @Override
    public void onUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens) {
        this.usageReported = true;
        this.inputTokens = inputTokens;
        this.cachedInputTokens = cachedInputTokens;
        this.outputTokens = outputTokens;
        this.reasoningTokens = reasoningTokens;
    }

    @Override
    public void onModel(String model) { this.reportedModel = model; }

    @Override
    public void onError(LlmException error) {
        if (state == RUNNING) fail(error);
    }

    @Override
    public void onDone() {
        long end = lastEventNanos != 0 ? lastEventNanos : System.nanoTime();
        if (!STATE.compareAndSet(this, RUNNING, DONE)) return;
        cancelWatchdog();
        timing.markEnd(end);
        Usage usage = usageReported
                ? new Usage(inputTokens, cachedInputTokens, outputTokens, reasoningTokens, true)
                : new Usage(0, 0, timing.tokenEvents(), 0, false);
        ChatResponse response = new ChatResponse(runtime.provider(), providerModel, text.toString(),
                thinking == null ? "" : thinking.toString(), finishReason, usage, timing, protocol, false);
        client.finished(this);
        try {
            listener.onComplete(response);
        } finally {
            future.complete(response);
        }
    }

    /** The model the provider reported, or null (kept for diagnostics). */
    String reportedModel() { return reportedModel; }

    // ---- outcomes from other threads ----

    /** The caller cancelled the future (already completed as cancelled). */
    void cancelledByCaller() { fail(new LlmException.Cancelled()); }

    /** The client is closing. */
    void abortOnClose() { fail(new LlmException.Cancelled()); }

    /** Watchdog: one task on the shared timer, re-armed only if it fired before any limit passed. */
    @Override
    public void run() {
        if (state != RUNNING) return;
        long now = System.nanoTime();
        long sent = timing.sendNanos();
        long totalDeadline = sent + client.requestTimeout.toNanos();
        if (now - totalDeadline >= 0) {
            fail(new LlmException.Timeout(LlmException.Timeout.Phase.TOTAL, client.requestTimeout));
            return;
        }
        long phaseDeadline;
        if (!headersReceived) {
            phaseDeadline = sent + client.firstByteTimeout.toNanos();
            if (now - phaseDeadline >= 0) {
                fail(new LlmException.Timeout(LlmException.Timeout.Phase.FIRST_BYTE, client.firstByteTimeout));
                return;
            }
        } else {
            phaseDeadline = lastReadNanos + client.idleTimeout.toNanos();
            if (now - phaseDeadline >= 0) {
                fail(new LlmException.Timeout(LlmException.Timeout.Phase.IDLE, client.idleTimeout));
                return;
            }
        }
        long next = phaseDeadline - totalDeadline < 0 ? phaseDeadline : totalDeadline;
        armWatchdog(next - now);
    }

    private void armWatchdog(long delayNanos) {
        watchdog = client.timer.schedule(this, delayNanos);
        if (state != RUNNING) cancelWatchdog();
    }

    private void cancelWatchdog() {
        ScheduledFuture<?> w = watchdog;
        if (w != null) w.cancel(false);
    }

    private void fail(LlmException error) {
        if (!STATE.compareAndSet(this, RUNNING, DONE)) return;
        cancelWatchdog();
        Transport.Cancellable c = call;
        if (c != null) c.cancel(); // stop reading; no-op if the transport already ended the call
        LlmException clean = client.scrubber().scrub(error);
        client.finished(this);
        try {
            listener.onError(clean);
        } finally {
            future.completeExceptionally(clean);
        }
    }

    private boolean isSuccess() { return status >= 200 && status < 300; }
}
