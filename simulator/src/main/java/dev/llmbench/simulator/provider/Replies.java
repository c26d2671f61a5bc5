package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.server.Exchange;
import io.netty.buffer.Unpooled;

import java.util.concurrent.TimeUnit;

/** Sending whole replies, now or after a simulated delay. */
final class Replies {
    private Replies() {}

    static void send(Exchange ex, Reply reply) {
        ex.respond(reply.status(), reply.headers(), Unpooled.wrappedBuffer(reply.body()));
    }

    /** Sends after {@code delayNanos} on the exchange's loop (inline when 0); dropped if the client went away. */
    static void sendAfter(Exchange ex, Reply reply, long delayNanos) {
        if (delayNanos <= 0) {
            send(ex, reply);
            return;
        }
        var future = ex.executor().schedule(() -> send(ex, reply), delayNanos, TimeUnit.NANOSECONDS);
        ex.onClose(() -> future.cancel(false));
    }
}
