package dev.llmbench.simulator.server;

import dev.llmbench.simulator.Simulator.Listener;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same exchange behaviour over every listener and protocol, with real clients over real sockets. */
class ExchangeBehaviourTest {

    static final int MAX_REQUEST_BYTES = 4096;

    /** A way to reach the server: listener, client, and what the exchange should report. */
    enum Transport {
        HTTP1(Listener.HTTP, "http/1.1", false, Protocol.HTTP_1_1),
        H2C_PRIOR_KNOWLEDGE_ON_HTTP_PORT(Listener.HTTP, "h2", false, Protocol.H2_PRIOR_KNOWLEDGE),
        H2C_PORT(Listener.H2C, "h2", false, Protocol.H2_PRIOR_KNOWLEDGE),
        TLS_H2(Listener.TLS, "h2", true, Protocol.HTTP_2),
        TLS_HTTP1(Listener.TLS, "http/1.1", true, Protocol.HTTP_1_1);

        final Listener listener;
        final String protocol;
        final boolean secure;
        final Protocol okHttpProtocol;

        Transport(Listener listener, String protocol, boolean secure, Protocol okHttpProtocol) {
            this.listener = listener;
            this.protocol = protocol;
            this.secure = secure;
            this.okHttpProtocol = okHttpProtocol;
        }

        OkHttpClient client() throws Exception {
            if (!secure) return TestServer.okHttp().protocols(List.of(okHttpProtocol)).build();
            List<Protocol> offered = okHttpProtocol == Protocol.HTTP_2
                    ? List.of(Protocol.HTTP_2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1);
            return server.tls(offered);
        }
    }

    @TempDir
    static Path tempDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(tempDir, ServerConfig.defaults().withMaxRequestBytes(MAX_REQUEST_BYTES));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Request.Builder request(Transport transport, String pathAndQuery) {
        return new Request.Builder().url(server.url(transport.listener, pathAndQuery));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void exchangeReportsRequestAndProtocol(Transport transport) throws Exception {
        RequestBody body = RequestBody.create(new byte[100], MediaType.get("application/json"));
        try (Response response = transport.client().newCall(request(transport, "/echo?alt=sse")
                .header("X-Test", "present").post(body).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.protocol()).isEqualTo(transport == Transport.TLS_H2 ? Protocol.HTTP_2
                    : transport.okHttpProtocol);
            assertThat(response.body().string())
                    .contains("\"method\":\"POST\"", "\"path\":\"/echo\"", "\"query\":\"alt=sse\"",
                            "\"protocol\":\"" + transport.protocol + "\"", "\"secure\":" + transport.secure,
                            "\"bodyLength\":100", "\"xTest\":\"present\"");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void streamedEventsArriveAsTheyAreWrittenNotAllAtTheEnd(Transport transport) throws Exception {
        int events = 4;
        int delayMs = 150;
        List<String> lines = new ArrayList<>();
        List<Long> arrivals = new ArrayList<>();
        try (Response response = transport.client().newCall(
                request(transport, "/stream?n=" + events + "&delayMs=" + delayMs).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("content-type")).isEqualTo("text/event-stream");
            BufferedSource source = response.body().source();
            String line;
            while ((line = source.readUtf8Line()) != null) {
                if (line.startsWith("data: ")) {
                    lines.add(line);
                    arrivals.add(System.nanoTime());
                }
            }
        }
        assertThat(lines).containsExactly("data: 0", "data: 1", "data: 2", "data: 3");
        // Written 150 ms apart: a server that buffered the stream would deliver them together.
        long spreadMs = (arrivals.get(events - 1) - arrivals.get(0)) / 1_000_000;
        assertThat(spreadMs).isGreaterThanOrEqualTo((events - 1) * delayMs * 2L / 3);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void endWithALastPartDeliversItAndEndsTheStream(Transport transport) throws Exception {
        try (Response response = transport.client().newCall(
                request(transport, "/stream?n=3&endWithLast=1").build()).execute()) {
            assertThat(response.body().string()).isEqualTo("data: 0\n\ndata: 1\n\ndata: 2\n\n");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void resetMidStreamIsAnErrorForTheClient(Transport transport) throws Exception {
        try (Response response = transport.client().newCall(request(transport, "/reset?n=2").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(IOException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void handlerExceptionBecomesJson500AndTheConnectionStaysUsable(Transport transport) throws Exception {
        OkHttpClient client = transport.client();
        try (Response response = client.newCall(request(transport, "/boom").build()).execute()) {
            assertThat(response.code()).isEqualTo(500);
            assertThat(response.header("content-type")).isEqualTo("application/json");
            assertThat(response.body().string()).startsWith("{\"error\":{").doesNotContain("scripted failure", "at ");
        }
        try (Response response = client.newCall(request(transport, "/echo").build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"index\":1");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void oversizedRequestGets413(Transport transport) throws Exception {
        RequestBody body = RequestBody.create(new byte[MAX_REQUEST_BYTES + 1], MediaType.get("application/json"));
        try (Response response = transport.client().newCall(request(transport, "/echo").post(body).build()).execute()) {
            assertThat(response.code()).isEqualTo(413);
            assertThat(response.body().string()).contains("\"error\"", String.valueOf(MAX_REQUEST_BYTES));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void requestAtTheSizeLimitIsServed(Transport transport) throws Exception {
        RequestBody body = RequestBody.create(new byte[MAX_REQUEST_BYTES], MediaType.get("application/json"));
        try (Response response = transport.client().newCall(request(transport, "/echo").post(body).build()).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).contains("\"bodyLength\":" + MAX_REQUEST_BYTES);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clientGoingAwayClosesTheExchange(Transport transport) throws Exception {
        String id = UUID.randomUUID().toString();
        Call call = transport.client().newCall(request(transport, "/hang?id=" + id).build());
        try (Response response = call.execute()) {
            assertThat(response.body().source().readUtf8Line()).isEqualTo("data: waiting");
            call.cancel();
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!server.handler.closed.contains("/hang?id=" + id) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.handler.closed).contains("/hang?id=" + id);
    }
}
