package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server tests' handler, driven by the path:
 * <ul>
 *   <li>{@code /echo}: 200 JSON describing the exchange (protocol, secure, connection, index, body length)</li>
 *   <li>{@code /slow-echo?delayMs=D}: the same, D ms later</li>
 *   <li>{@code /stream?n=N&delayMs=D&endWithLast=1}: SSE, N events {@code data: i}, D ms apart (the first after
 *       D ms); with endWithLast the last event goes out through {@code end(ByteBuf)}</li>
 *   <li>{@code /reset?n=N}: SSE, N events, then an abrupt reset</li>
 *   <li>{@code /boom}: throws</li>
 *   <li>{@code /hang}: starts a stream and never ends it (for close notifications)</li>
 * </ul>
 */
final class ScriptedHandler implements ExchangeHandler {

    static final Map<String, String> SSE = Map.of("content-type", "text/event-stream", "cache-control", "no-cache");

    /** Every close notification ({@code path?query}), in order. */
    final ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();

    @Override
    public void handle(Exchange exchange) {
        exchange.onClose(() -> closed.add(exchange.path() + "?" + exchange.query()));
        switch (exchange.path()) {
            case "/echo" -> exchange.respond(200, Map.of("content-type", "application/json"), utf8(exchange, echo(exchange)));
            case "/slow-echo" -> exchange.executor().schedule(() -> exchange.respond(200,
                    Map.of("content-type", "application/json"), utf8(exchange, echo(exchange))),
                    param(exchange, "delayMs", 100), TimeUnit.MILLISECONDS);
            case "/stream" -> stream(exchange, param(exchange, "n", 5), param(exchange, "delayMs", 0),
                    param(exchange, "endWithLast", 0) == 1, false);
            case "/reset" -> stream(exchange, param(exchange, "n", 2), 0, false, true);
            case "/boom" -> throw new IllegalStateException("scripted failure");
            case "/hang" -> {
                exchange.startStream(200, SSE);
                exchange.write(utf8(exchange, "data: waiting\n\n"), true);
            }
            default -> exchange.respond(404, Map.of(), utf8(exchange, "no such path"));
        }
    }

    private static String echo(Exchange e) {
        return "{\"method\":\"" + e.method() + "\",\"path\":\"" + e.path() + "\",\"query\":\"" + e.query()
                + "\",\"protocol\":\"" + e.protocol() + "\",\"secure\":" + e.secure()
                + ",\"connection\":\"" + e.connectionId() + "\",\"index\":" + e.requestIndexOnConnection()
                + ",\"bodyLength\":" + e.body().length + ",\"xTest\":\"" + e.header("X-Test") + "\"}";
    }

    private static void stream(Exchange exchange, int n, int delayMs, boolean endWithLast, boolean resetAtEnd) {
        exchange.startStream(200, SSE);
        scheduleEvent(exchange, 0, n, delayMs, endWithLast, resetAtEnd);
    }

    private static void scheduleEvent(Exchange exchange, int i, int n, int delayMs, boolean endWithLast,
                                      boolean resetAtEnd) {
        Runnable next = () -> {
            if (!exchange.isOpen()) return;
            if (i == n) {
                if (resetAtEnd) exchange.reset(); else exchange.end();
                return;
            }
            ByteBuf event = utf8(exchange, "data: " + i + "\n\n");
            if (endWithLast && i == n - 1) {
                exchange.end(event);
                return;
            }
            exchange.write(event, true);
            scheduleEvent(exchange, i + 1, n, delayMs, endWithLast, resetAtEnd);
        };
        if (delayMs == 0 || i == n) {
            exchange.executor().execute(next);
        } else {
            exchange.executor().schedule(next, delayMs, TimeUnit.MILLISECONDS);
        }
    }

    private static int param(Exchange exchange, String name, int fallback) {
        for (String pair : exchange.query().split("&")) {
            if (pair.startsWith(name + "=")) return Integer.parseInt(pair.substring(name.length() + 1));
        }
        return fallback;
    }

    private static ByteBuf utf8(Exchange exchange, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        return exchange.alloc().buffer(bytes.length).writeBytes(bytes);
    }
}
