package dev.llmbench.client.internal;

import dev.llmbench.simulator.Simulator.Listener;
import dev.llmbench.simulator.server.Exchange;
import dev.llmbench.simulator.server.ServerConfig;
import dev.llmbench.simulator.server.SimulatorServer;
import dev.llmbench.simulator.tls.LoopbackCertificate;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's real server (HTTP/1.1, h2c, TLS with ALPN) with a scripted OpenAI-format handler, for testing the
 * transports and the client core independently of the simulated providers. Request headers script the response:
 * {@code x-test-tokens: N} (default 5), {@code x-test-token-delay-ms: D}, {@code x-test-status: S} (an error body
 * echoing the Authorization header, as providers echo bad keys), {@code x-test-fault: reset-mid-stream | truncate |
 * malformed-chunk | stall-first-byte | stall-mid-stream}.
 */
final class ScriptedServer implements AutoCloseable {
    final SimulatorServer server;
    final LoopbackCertificate certificate;
    private final Path dir;
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger maxActive = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final Set<String> connections = ConcurrentHashMap.newKeySet();

    ScriptedServer(int maxConcurrentStreams) {
        try {
            dir = Files.createTempDirectory("llmbench-client-test-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        certificate = LoopbackCertificate.generate(dir, LoopbackCertificate.DEFAULT_PASSWORD);
        server = SimulatorServer.start(ServerConfig.defaults().withMaxConcurrentStreams(maxConcurrentStreams), this::handle, certificate);
    }

    String baseUrl(Listener listener) { return server.root(listener) + "/v1"; }

    Path trustStore() { return certificate.trustStore(); }

    String trustStorePassword() { return LoopbackCertificate.DEFAULT_PASSWORD; }

    void resetCounters() {
        maxActive.set(0);
        requests.set(0);
        connections.clear();
    }

    private void handle(Exchange ex) {
        requests.incrementAndGet();
        connections.add(ex.connectionId());
        int now = active.incrementAndGet();
        maxActive.accumulateAndGet(now, Math::max);
        ex.onClose(active::decrementAndGet);

        String status = ex.header("x-test-status");
        if (status != null) {
            int code = Integer.parseInt(status);
            String auth = String.valueOf(ex.header("authorization"));
            String body = "{\"error\":{\"message\":\"Incorrect API key provided: " + auth.replace("Bearer ", "")
                    + "\",\"type\":\"invalid_request_error\",\"code\":\"x\"}}";
            ex.respond(code, Map.of("content-type", "application/json", "retry-after", "7"), utf8(body));
            return;
        }
        String fault = ex.header("x-test-fault");
        if ("stall-first-byte".equals(fault)) return; // never answers
        boolean stream = new String(ex.body(), StandardCharsets.UTF_8).contains("\"stream\":true");
        int tokens = intHeader(ex, "x-test-tokens", 5);
        if (!stream) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tokens; i++) text.append("tok").append(i).append(' ');
            ex.respond(200, Map.of("content-type", "application/json"), utf8("{\"id\":\"x\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":\"stop\"}],"
                    + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":" + tokens + ",\"total_tokens\":" + (3 + tokens) + "}}"));
            return;
        }
        ex.startStream(200, Map.of("content-type", "text/event-stream"));
        ex.write(utf8("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n"), true);
        int delayMs = intHeader(ex, "x-test-token-delay-ms", 0);
        new Streamer(ex, tokens, delayMs, fault).next(0);
    }

    private record Streamer(Exchange ex, int tokens, int delayMs, String fault) {
        void next(int i) {
            if (!ex.isOpen()) return;
            if (i == Math.min(2, tokens) && fault != null) {
                switch (fault) {
                    case "reset-mid-stream" -> { ex.reset(); return; }
                    case "truncate" -> { ex.end(); return; }
                    case "stall-mid-stream" -> { return; }
                    case "malformed-chunk" -> { ex.write(utf8("data: {\"choices\":[{\"delta\":{\"content\"\n\n"), true); }
                    default -> { }
                }
            }
            if (i < tokens) {
                ex.write(utf8("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"tok" + i + " \"},\"finish_reason\":null}]}\n\n"),
                        delayMs > 0 || i == tokens - 1);
                if (delayMs > 0) ex.executor().schedule(() -> next(i + 1), delayMs, TimeUnit.MILLISECONDS);
                else next(i + 1);
                return;
            }
            ex.write(utf8("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                    + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":" + tokens
                    + ",\"total_tokens\":" + (3 + tokens) + "}}\n\ndata: [DONE]\n\n"), true);
            ex.end();
        }
    }

    private static int intHeader(Exchange ex, String name, int dflt) {
        String v = ex.header(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static ByteBuf utf8(String s) { return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8); }

    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(certificate.trustStore());
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // temp files
        }
    }
}
