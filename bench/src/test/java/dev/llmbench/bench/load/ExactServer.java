package dev.llmbench.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI Chat Completions streaming server with a schedule the tests write down, independent of the simulator's
 * code: request k (in arrival order) waits {@code ttftMs}, then sends {@code lengths[k % lengths.size()]} one-token
 * content events {@code gapMs} apart, then waits {@code tailMs} before its finish and usage events and {@code [DONE]}.
 * The first {@code rateLimited} arrivals get a 429 with {@code retry-after: <retryAfterSeconds>} instead. Every
 * request's {@code x-request-id} header is kept ({@link #requestIds}). Plain HTTP/1.1 keep-alive on loopback with
 * TCP_NODELAY, one thread per connection, so the schedule is the only source of waiting.
 */
public final class ExactServer implements AutoCloseable {
    /** The schedule; times in milliseconds. */
    public record Schedule(long ttftMs, long gapMs, long tailMs, List<Integer> lengths, int rateLimited, int retryAfterSeconds) {
        public Schedule {
            lengths = List.copyOf(lengths);
        }

        public static Schedule of(long ttftMs, long gapMs, long tailMs, List<Integer> lengths) {
            return new Schedule(ttftMs, gapMs, tailMs, lengths, 0, 0);
        }

        /** The server-side duration of a request with {@code tokens} tokens, headers to [DONE], in ms. */
        double e2eMs(int tokens) { return ttftMs + (tokens - 1) * (double) gapMs + tailMs; }

        double meanTokens() { return lengths.stream().mapToInt(Integer::intValue).average().orElseThrow(); }

        double meanE2eMs() { return lengths.stream().mapToDouble(this::e2eMs).average().orElseThrow(); }
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "exact-server");
        t.setDaemon(true);
        return t;
    });
    private final Schedule schedule;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger limited = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final java.util.Queue<String> requestIds = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public ExactServer(Schedule schedule) throws IOException {
        this.schedule = schedule;
        this.socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    /** The base URL, with {@code /v1}. */
    public String baseUrl() { return "http://127.0.0.1:" + socket.getLocalPort() + "/v1"; }

    /** Requests received, 429s included. */
    int arrivals() { return arrivals.get(); }

    /** The {@code x-request-id} header of every request received, in arrival order (429s included; "" if absent). */
    public List<String> requestIds() { return List.copyOf(requestIds); }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                s.setTcpNoDelay(true); // every event leaves when written: no Nagle / delayed-ACK stall in the schedule
                pool.execute(() -> connection(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One keep-alive connection: requests one after another, responses chunked. */
    private void connection(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (true) {
                int length = -1;
                boolean chunked = false;
                String requestId = "";
                String line = readLine(in);
                if (line == null) return;
                while (!(line = readLine(in)).isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                        length = Integer.parseInt(line.substring(colon + 1).trim());
                    } else if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("x-request-id")) {
                        requestId = line.substring(colon + 1).trim();
                    } else if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("transfer-encoding")) {
                        chunked = line.substring(colon + 1).trim().equalsIgnoreCase("chunked");
                    }
                }
                if (chunked) skipChunkedBody(in);
                else if (length < 0) throw new IOException("the test server needs a content-length or a chunked body");
                else in.readNBytes(length);
                requestIds.add(requestId);
                respond(out);
            }
        } catch (IOException | RuntimeException e) {
            // the client closed the connection
        }
    }

    private void respond(OutputStream out) throws IOException {
        arrivals.incrementAndGet();
        if (limited.getAndIncrement() < schedule.rateLimited()) {
            byte[] body = "{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit_exceeded\"}}".getBytes(StandardCharsets.UTF_8);
            write(out, "HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\nretry-after: " + schedule.retryAfterSeconds()
                    + "\r\ncontent-length: " + body.length + "\r\n\r\n");
            out.write(body);
            out.flush();
            return;
        }
        int tokens = schedule.lengths().get(Math.floorMod(served.getAndIncrement(), schedule.lengths().size()));
        write(out, "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked\r\n\r\n");
        event(out, "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        sleep(schedule.ttftMs());
        for (int i = 0; i < tokens; i++) {
            if (i > 0) sleep(schedule.gapMs());
            event(out, "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"t" + i + " \"}}]}");
        }
        sleep(schedule.tailMs());
        event(out, "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
        event(out, "{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":"
                + tokens + ",\"total_tokens\":" + (10 + tokens) + "}}");
        chunk(out, "data: [DONE]\n\n");
        write(out, "0\r\n\r\n");
    }

    private static void event(OutputStream out, String json) throws IOException { chunk(out, "data: " + json + "\n\n"); }

    private static void chunk(OutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        write(out, Integer.toHexString(b.length) + "\r\n" + text + "\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Reads a chunked request body (some libraries send one) up to its last chunk and trailers. */
    private static void skipChunkedBody(InputStream in) throws IOException {
        for (String size; (size = readLine(in)) != null; ) {
            int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (n == 0) {
                while (true) {
                    String trailer = readLine(in);
                    if (trailer == null || trailer.isEmpty()) return;
                }
            }
            in.readNBytes(n);
            readLine(in); // the CRLF after the chunk
        }
    }

    /** A CRLF-terminated line without its terminator, or null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') return sb.toString();
            if (c != '\r') sb.append((char) c);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    private static void sleep(long ms) {
        if (ms <= 0) return;
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        pool.shutdownNow();
    }
}
