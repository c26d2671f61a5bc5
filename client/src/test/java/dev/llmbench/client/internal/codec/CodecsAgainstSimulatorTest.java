package dev.llmbench.client.internal.codec;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The codecs end to end against the simulator (an independent implementation of the wire formats), over a plain JDK
 * HTTP/1.1 client so that no client-core code is involved: the simulator accepts what the encoders write, and the
 * decoders read what it streams, its faults included.
 */
class CodecsAgainstSimulatorTest {
    private static Simulator simulator;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().defaultProfile("zero").seed(7).start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        if (simulator != null) simulator.close();
    }

    private static HttpResponse<byte[]> send(Provider provider, boolean stream, String key, String fault)
            throws IOException, InterruptedException {
        ProviderCodec codec = Codecs.forProvider(provider);
        String model = provider == Provider.GEMINI ? "gemini-3-flash" : provider == Provider.ANTHROPIC ? "claude-haiku-4-5" : "gpt-4.1-nano";
        EncodedRequest r = codec.encode(ChatRequest.of(model, "Say hi").withSystem("Be brief.").withMaxTokens(6), model, stream);
        String version = provider == Provider.GEMINI ? "v1beta" : "v1";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(
                simulator.baseUrl(Simulator.Listener.HTTP, "zero", version) + r.pathAndQuery()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
        List<String> h = r.headers();
        for (int i = 0; i < h.size(); i += 2) b.header(h.get(i), h.get(i + 1));
        codec.authHeaders(key, b::header);
        b.header("x-sim-ground-truth", "1");
        if (fault != null) b.header("x-sim-fault", fault);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static RecordingSink decodeInPieces(Provider provider, byte[] body) {
        Random random = new Random(body.length);
        RecordingSink sink = new RecordingSink();
        StreamDecoder d = Codecs.forProvider(provider).newStreamDecoder(sink);
        for (int i = 0; i < body.length; ) {
            int n = Math.min(body.length - i, 1 + random.nextInt(64));
            d.feed(ByteBuffer.wrap(body, i, n), i);
            i += n;
        }
        d.end(body.length);
        return sink;
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    void streamsDecodeCompletely(Provider provider) throws Exception {
        HttpResponse<byte[]> response = send(provider, true, "sk-test", null);
        assertThat(response.statusCode()).isEqualTo(200);
        RecordingSink sink = decodeInPieces(provider, response.body());
        assertThat(sink.last()).isEqualTo("done");
        assertThat(sink.terminals).isEqualTo(1);
        assertThat(sink.calls).anyMatch(c -> c.startsWith("text:"));
        assertThat(sink.calls).anyMatch(c -> c.startsWith("finish:"));
        assertThat(sink.calls).anyMatch(c -> c.startsWith("usage:") && !c.startsWith("usage:0,"));
        assertThat(sink.calls).anyMatch(c -> c.startsWith("comment:sim-t-us="));
        assertThat(sink.calls).anyMatch(c -> c.startsWith("comment:sim-truth"));
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    void wholeBodiesDecode(Provider provider) throws Exception {
        HttpResponse<byte[]> response = send(provider, false, "sk-test", null);
        assertThat(response.statusCode()).isEqualTo(200);
        RecordingSink sink = new RecordingSink();
        Codecs.forProvider(provider).decodeResponse(response.body(), sink);
        assertThat(sink.last()).isEqualTo("done");
        assertThat(sink.calls).anyMatch(c -> c.startsWith("text:"));
        assertThat(sink.calls).anyMatch(c -> c.startsWith("usage:"));
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    void brokenStreamsAreProtocolErrors(Provider provider) throws Exception {
        for (String fault : List.of("truncate", "malformed-chunk")) {
            HttpResponse<byte[]> response = send(provider, true, "sk-test", fault);
            assertThat(response.statusCode()).isEqualTo(200);
            RecordingSink sink = decodeInPieces(provider, response.body());
            assertThat(sink.error).as(fault).isInstanceOf(LlmException.Protocol.class);
            assertThat(sink.terminals).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"OPENAI", "ANTHROPIC", "GEMINI"})
    void errorResponsesAreTyped(Provider provider) throws Exception {
        ProviderCodec codec = Codecs.forProvider(provider);
        HttpResponse<byte[]> limited = send(provider, true, "sk-test", "rate-limit");
        LlmException e = codec.decodeError(limited.statusCode(), name -> limited.headers().firstValue(name).orElse(null),
                limited.body());
        assertThat(e).isInstanceOf(LlmException.RateLimited.class);
        assertThat(((LlmException.RateLimited) e).retryAfter()).isNotNull();

        HttpResponse<byte[]> unauthorized = send(provider, true, "bad-key", null);
        assertThat(codec.decodeError(unauthorized.statusCode(), name -> unauthorized.headers().firstValue(name).orElse(null),
                unauthorized.body())).isInstanceOf(LlmException.Auth.class);

        HttpResponse<byte[]> overloaded = send(provider, true, "sk-test", "overloaded");
        assertThat(codec.decodeError(overloaded.statusCode(), name -> overloaded.headers().firstValue(name).orElse(null),
                overloaded.body())).isInstanceOf(LlmException.Overloaded.class);
    }
}
