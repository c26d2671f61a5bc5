package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.CapacityPolicy;
import dev.llmbench.simulator.profile.FaultKind;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.server.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One admitted request from slot grant to its last byte, driven by tasks scheduled on the exchange's event loop
 * (never a thread per stream, never a block). Event times are absolute from the schedule, so a late wake-up writes
 * every due event in one batch (one flush) instead of drifting; with no delays (zero profile) the whole response
 * goes out in batches of {@code io.maxBatchBytes}.
 *
 * <p>Timeline, relative to the slot grant {@code g} (= receipt unless the request queued for capacity):
 * headers (and opening events) at {@code g + network}; first token event at that plus {@link Plan#firstTokenNanos};
 * then one event per {@code tokensPerEvent} tokens at the stream's decode interval (on a shared HTTP/2 connection
 * budget, at most {@code budget / activeStreams} tokens/s); terminal events right after the last token.
 */
final class Generation {
    private final Exchange ex;
    private final ProviderApi api;
    private final ProfileRuntime runtime;
    private final Profile profile;
    private final GenerationRequest request;
    private final Completion completion;
    private final Plan plan;
    private final Map<String, String> headers;
    private final boolean groundTruth;
    private final Runnable releaseAdmission;

    private EventEncoder encoder;
    private Future<?> pending;
    private boolean closed;
    private boolean releasedAdmission;
    private boolean holdsCapacity;
    private SlotPool connectionPool;
    private AtomicInteger h2Counter;

    private long grantNanos;
    private long firstEventAt;
    private long nextAt;
    private int eventsSent;
    private int totalEvents;
    private int thoughtEvents;
    private boolean midFaultDone;
    private byte[] truthLine;
    /** One task object for all of this stream's wake-ups. */
    private final Runnable emitTask = this::emit;

    Generation(Exchange ex, ProviderApi api, ProfileRuntime runtime, GenerationRequest request, Completion completion,
               Plan plan, Map<String, String> headers, boolean groundTruth, Runnable releaseAdmission) {
        this.ex = ex;
        this.api = api;
        this.runtime = runtime;
        this.profile = runtime.profile;
        this.request = request;
        this.completion = completion;
        this.plan = plan;
        this.headers = headers;
        this.groundTruth = groundTruth;
        this.releaseAdmission = releaseAdmission;
    }

    /** Takes the connection and capacity slots (queueing if needed), then runs. Called on the event loop. */
    void admit() {
        ex.onClose(this::close);
        if (profile.connectionMaxStreams() > 0) {
            SlotPool pool = runtime.connectionSlots(ex.connectionId());
            pool.acquire(ex.executor(), () -> {
                connectionPool = pool;
                if (closed) { release(); return; }
                acquireCapacity();
            });
        } else {
            acquireCapacity();
        }
    }

    private void acquireCapacity() {
        if (runtime.capacity == null) {
            start();
            return;
        }
        if (profile.capacityPolicy() == CapacityPolicy.REJECT) {
            if (!runtime.capacity.tryAcquire()) {
                // Full: the provider's "overloaded" answer (Anthropic 529) instead of a queue.
                Reply overloaded = api.fault(FaultKind.OVERLOADED, completion.model());
                at(System.nanoTime() + plan.networkNanos(), () -> {
                    Replies.send(ex, overloaded);
                    release();
                });
                return;
            }
            holdsCapacity = true;
            start();
            return;
        }
        runtime.capacity.acquire(ex.executor(), () -> {
            holdsCapacity = true;
            if (closed) { release(); return; }
            start();
        });
    }

    private void start() {
        grantNanos = System.nanoTime();
        long headersAt = grantNanos + plan.networkNanos();
        if (plan.fault() == FaultKind.STALL_FIRST_BYTE) headersAt += TimeUnit.MILLISECONDS.toNanos(profile.stallMs());
        at(headersAt, request.stream() ? this::sendHeaders : this::sendWhole);
    }

    private void at(long when, Runnable task) {
        if (closed) return;
        long delay = when - System.nanoTime();
        if (delay <= 0) task.run();
        else pending = ex.executor().schedule(task, delay, TimeUnit.NANOSECONDS);
    }

    private long queueMicros() { return Math.max(0, (grantNanos - ex.receivedNanos()) / 1000); }

    // ---- whole responses ----

    private void sendWhole() {
        long tokens = completion.streamedTokens();
        long doneAt = System.nanoTime() + plan.firstTokenNanos() + Math.max(0, tokens - 1) * plan.tokenIntervalNanos();
        FaultKind f = plan.fault();
        if (f == FaultKind.STALL_MID_STREAM) doneAt += TimeUnit.MILLISECONDS.toNanos(profile.stallMs());
        if (f == FaultKind.SLOW_TRICKLE) doneAt += TimeUnit.MILLISECONDS.toNanos(profile.trickleMs()) * 4;
        long ttftUs = (doneAt - ex.receivedNanos()) / 1000;
        at(doneAt, () -> {
            byte[] body = api.wholeBody(completion, request);
            Map<String, String> h = new LinkedHashMap<>(headers);
            if (groundTruth) {
                h.put("x-sim-truth", "ttft-us=" + ttftUs + " queue-us=" + queueMicros() + " output-tokens="
                        + completion.outputTokens() + " events=0");
            }
            if (f == FaultKind.RESET_MID_STREAM) {
                ex.reset();
            } else if (f == FaultKind.ERROR_EVENT) {
                Replies.send(ex, api.fault(FaultKind.OVERLOADED, completion.model()));
            } else if (f == FaultKind.TRUNCATE || f == FaultKind.MALFORMED_CHUNK) {
                // Truncate: a cleanly framed but incomplete JSON body; malformed: the same with garbage appended.
                ex.startStream(200, h);
                ByteBuf buf = ex.alloc().buffer(body.length);
                buf.writeBytes(body, 0, body.length / 2);
                if (f == FaultKind.MALFORMED_CHUNK) buf.writeCharSequence("\u0000}}\"", StandardCharsets.UTF_8);
                ex.write(buf, true);
                ex.end();
            } else {
                ex.respond(200, h, Unpooled.wrappedBuffer(body));
            }
            release();
        });
    }

    // ---- streams ----

    private void sendHeaders() {
        encoder = api.encoder(completion, request, groundTruth);
        int tpe = profile.tokensPerEvent();
        int visibleThoughts = completion.visibleThoughts() ? completion.thoughtTokens() : 0;
        thoughtEvents = (visibleThoughts + tpe - 1) / tpe;
        totalEvents = thoughtEvents + (completion.answerTokens() + tpe - 1) / tpe;
        if (profile.h2ConnectionTokensPerSecond() > 0 && "h2".equals(ex.protocol())) {
            h2Counter = runtime.h2StreamsOn(ex.connectionId());
            h2Counter.incrementAndGet();
        }
        long now = System.nanoTime();
        firstEventAt = now + plan.firstTokenNanos();
        nextAt = firstEventAt;
        if (groundTruth) {
            truthLine = (": sim-truth ttft-us=" + (firstEventAt - ex.receivedNanos()) / 1000 + " queue-us=" + queueMicros()
                    + " output-tokens=" + completion.outputTokens() + " events=" + totalEvents
                    // receipt on this JVM's System.nanoTime (Linux: CLOCK_MONOTONIC, shared by every process on
                    // the host), so a client on the same machine can split its overhead into request and response legs
                    + " recv-mono-ns=" + ex.receivedNanos()
                    + new String(encoder.eol(), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        }
        // With no delay before the first token, headers and opening ride in the same flush as the first batch
        // (emit runs inline below); otherwise they go out now, as real providers do: status before the first token.
        boolean flushNow = plan.firstTokenNanos() > 0;
        ex.startStream(200, headers, flushNow);
        ByteBuf buf = ex.alloc().buffer(1024);
        encoder.nowMicros = (now - ex.receivedNanos()) / 1000;
        encoder.opening(buf);
        if (buf.isReadable()) ex.write(buf, flushNow); else buf.release();
        at(nextAt, emitTask);
    }

    /** Writes every event due by now (bounded per batch), then schedules itself for the next one. */
    private void emit() {
        pending = null;
        if (closed || !ex.isOpen()) return;
        long now = System.nanoTime();
        encoder.nowMicros = (now - ex.receivedNanos()) / 1000;
        int tpe = profile.tokensPerEvent();
        int maxBatch = profile.maxBatchBytes();
        ByteBuf buf = null;
        FaultKind f = plan.fault();
        int midEvent = totalEvents / 2;
        while (eventsSent < totalEvents && nextAt <= now) {
            if (buf == null) buf = ex.alloc().buffer(Math.min(maxBatch, encoder.maxEventBytes(tpe) * dueEvents(now) + 512));
            if (eventsSent == midEvent && !midFaultDone && f != null) {
                midFaultDone = true;
                if (f == FaultKind.RESET_MID_STREAM) {
                    flush(buf);
                    ex.reset();
                    release();
                    return;
                } else if (f == FaultKind.MALFORMED_CHUNK) {
                    encoder.malformed(buf);
                } else if (f == FaultKind.ERROR_EVENT) {
                    encoder.error(buf, FaultKind.OVERLOADED);
                    flush(buf);
                    ex.end();
                    release();
                    return;
                } else if (f == FaultKind.STALL_MID_STREAM) {
                    nextAt = now + TimeUnit.MILLISECONDS.toNanos(profile.stallMs());
                    break;
                }
            }
            boolean thought = eventsSent < thoughtEvents;
            int from = thought ? eventsSent * tpe : (eventsSent - thoughtEvents) * tpe;
            int limit = thought ? completion.thoughtTokens() : completion.answerTokens();
            int count = Math.min(tpe, limit - from);
            boolean last = eventsSent == totalEvents - 1 && f != FaultKind.TRUNCATE;
            encoder.tokens(buf, from, count, thought, last);
            eventsSent++;
            nextAt += gapAfter(count);
            if (buf.readableBytes() >= maxBatch) break;
        }
        if (eventsSent == totalEvents) {
            if (buf == null) buf = ex.alloc().buffer(1024);
            if (f != FaultKind.TRUNCATE) encoder.closing(buf, truthLine);
            // One flush for the last batch and the end of the stream (on h2 the bytes ride in the END_STREAM frame).
            if (buf.isReadable()) ex.end(buf);
            else {
                buf.release();
                ex.end();
            }
            release();
            return;
        }
        flush(buf);
        if (nextAt <= System.nanoTime()) ex.executor().execute(emitTask);
        else at(nextAt, emitTask);
    }

    /** How many events are due by {@code now}, to size the batch buffer. */
    private int dueEvents(long now) {
        int remaining = totalEvents - eventsSent;
        long gap = plan.tokenIntervalNanos() * profile.tokensPerEvent();
        if (gap <= 0 || plan.fault() == FaultKind.SLOW_TRICKLE) return remaining;
        return (int) Math.min(remaining, 1 + (now - nextAt) / gap);
    }

    private long gapAfter(int tokens) {
        if (plan.fault() == FaultKind.SLOW_TRICKLE) return TimeUnit.MILLISECONDS.toNanos(profile.trickleMs());
        long interval = plan.tokenIntervalNanos();
        if (h2Counter != null) {
            // Streams multiplexed on one HTTP/2 connection share its decode budget.
            long shared = (long) (h2Counter.get() * 1e9 / profile.h2ConnectionTokensPerSecond());
            interval = Math.max(interval, shared);
        }
        return interval * tokens;
    }

    private void flush(ByteBuf buf) {
        if (buf == null) return;
        if (buf.isReadable()) ex.write(buf, true); else buf.release();
    }

    // ---- clean-up ----

    private void close() {
        closed = true;
        if (pending != null) pending.cancel(false);
        release();
    }

    /** Gives back everything this request holds; idempotent. */
    private void release() {
        if (releaseAdmission != null && !releasedAdmission) {
            releasedAdmission = true;
            releaseAdmission.run();
        }
        if (h2Counter != null) {
            runtime.h2StreamDone(ex.connectionId(), h2Counter);
            h2Counter = null;
        }
        if (holdsCapacity) {
            holdsCapacity = false;
            runtime.capacity.release();
        }
        if (connectionPool != null) {
            SlotPool pool = connectionPool;
            connectionPool = null;
            runtime.releaseConnectionSlot(ex.connectionId(), pool);
        }
    }
}
