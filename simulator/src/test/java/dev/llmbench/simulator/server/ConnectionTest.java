package dev.llmbench.simulator.server;

import dev.llmbench.simulator.Simulator.Listener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Connection-level behaviour: keep-alive, request indexes, h2c upgrade, advertised HTTP/2 settings. */
class ConnectionTest {

    static final int MAX_STREAMS = 7;
    private static final Pattern CONNECTION = Pattern.compile("\"connection\":\"([^\"]+)\",\"index\":(\\d+)");

    @TempDir
    static Path tempDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(tempDir, ServerConfig.defaults().withMaxConcurrentStreams(MAX_STREAMS));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void http1KeepAliveServesTwoRequestsOnOneConnectionWithIncreasingIndex() throws Exception {
        assertSameConnectionTwice(TestServer.http1(), Listener.HTTP);
    }

    @Test
    void h2ServesSequentialRequestsOnOneConnectionWithIncreasingIndex() throws Exception {
        assertSameConnectionTwice(TestServer.h2PriorKnowledge(), Listener.H2C);
    }

    private static void assertSameConnectionTwice(OkHttpClient client, Listener listener) throws Exception {
        Matcher first = echo(client, listener);
        Matcher second = echo(client, listener);
        assertThat(second.group(1)).isEqualTo(first.group(1));
        assertThat(first.group(2)).isEqualTo("0");
        assertThat(second.group(2)).isEqualTo("1");
        Matcher other = echo(listener == Listener.H2C ? TestServer.h2PriorKnowledge() : TestServer.http1(), listener);
        assertThat(other.group(1)).as("a new client opens a new connection").isNotEqualTo(first.group(1));
        assertThat(other.group(2)).isEqualTo("0");
    }

    private static Matcher echo(OkHttpClient client, Listener listener) throws Exception {
        try (Response response = client.newCall(new Request.Builder().url(server.url(listener, "/echo")).build())
                .execute()) {
            Matcher m = CONNECTION.matcher(response.body().string());
            assertThat(m.find()).isTrue();
            return m;
        }
    }

    @Test
    void jdkHttpClientUpgradesToH2cOnTheHttpPort() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(server.url(Listener.HTTP, "/echo?upgrade=1")))
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_2);
        // The upgrade request itself is served as HTTP/2 stream 1.
        assertThat(first.body()).contains("\"protocol\":\"h2\"", "\"query\":\"upgrade=1\"", "\"index\":0");
        HttpResponse<String> second = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(second.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(second.body()).contains("\"protocol\":\"h2\"", "\"index\":1");
    }

    @Test
    void jdkHttpClientPostWithBodyOnTheHttpPortIsServedWhole() throws Exception {
        // LangChain4j's default client: JDK HttpClient, HTTP/2 preferred, POSTing JSON over http://.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest post = HttpRequest.newBuilder(java.net.URI.create(server.url(Listener.HTTP, "/echo")))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}")).build();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"method\":\"POST\"", "\"bodyLength\":15");
        }
        HttpResponse<String> stream = client.send(HttpRequest.newBuilder(
                java.net.URI.create(server.url(Listener.HTTP, "/stream?n=3"))).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stream.body()).isEqualTo("data: 0\n\ndata: 1\n\ndata: 2\n\n");
    }

    @Test
    void okHttpOpensAnotherConnectionWhenTheStreamLimitIsReached() throws Exception {
        // Streams a client opens before it has read the server's SETTINGS can exceed the limit and are refused
        // (REFUSED_STREAM), as on real servers. So: one request first to learn the limit, then calls started 50 ms
        // apart (each one sees the settings of every connection opened so far), each held open for 1.5 s.
        OkHttpClient client = TestServer.h2PriorKnowledge().newBuilder().retryOnConnectionFailure(true).build();
        echo(client, Listener.H2C);
        int requests = 2 * MAX_STREAMS + 1; // needs at least three connections at MAX_STREAMS streams each
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<Matcher>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    try (Response response = client.newCall(new Request.Builder()
                            .url(server.url(Listener.H2C, "/slow-echo?delayMs=1500")).build()).execute()) {
                        Matcher m = CONNECTION.matcher(response.body().string());
                        assertThat(m.find()).isTrue();
                        return m;
                    }
                }));
                Thread.sleep(50);
            }
            Set<String> connections = new HashSet<>();
            for (Future<Matcher> answer : answers) connections.add(answer.get(20, TimeUnit.SECONDS).group(1));
            assertThat(connections).hasSizeGreaterThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void advertisesTheConfiguredMaxConcurrentStreams() throws Exception {
        for (Listener listener : new Listener[] {Listener.HTTP, Listener.H2C}) {
            assertThat(advertisedMaxConcurrentStreams(server.server.port(listener))).as(listener.name())
                    .isEqualTo(MAX_STREAMS);
        }
    }

    /** Sends the client preface and an empty SETTINGS frame, then reads the server's SETTINGS frame. */
    private static long advertisedMaxConcurrentStreams(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // SETTINGS, empty, stream 0
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                in.readInt(); // stream id
                byte[] payload = in.readNBytes(length);
                if (type == 4 && (flags & 1) == 0) { // SETTINGS, not an ACK
                    for (int i = 0; i + 6 <= payload.length; i += 6) {
                        int id = ((payload[i] & 0xff) << 8) | (payload[i + 1] & 0xff);
                        long value = ((payload[i + 2] & 0xffL) << 24) | ((payload[i + 3] & 0xff) << 16)
                                | ((payload[i + 4] & 0xff) << 8) | (payload[i + 5] & 0xff);
                        if (id == 3) return value; // SETTINGS_MAX_CONCURRENT_STREAMS
                    }
                    return -1;
                }
            }
        }
    }
}
