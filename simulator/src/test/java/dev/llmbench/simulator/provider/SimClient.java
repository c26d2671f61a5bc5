package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.simulator.Simulator;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A running simulator plus a plain OkHttp client that returns raw status, headers and body bytes. */
final class SimClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    final Simulator sim;
    final OkHttpClient http;

    SimClient(Map<String, String> overrides) {
        this(overrides, List.of(Protocol.HTTP_1_1));
    }

    SimClient(Map<String, String> overrides, List<Protocol> protocols) {
        this(overrides, protocols, 7);
    }

    SimClient(Map<String, String> overrides, List<Protocol> protocols, long seed) {
        Simulator.Builder b = Simulator.builder().seed(seed);
        overrides.forEach(b::set);
        sim = b.start();
        http = new OkHttpClient.Builder().protocols(protocols).readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30)).retryOnConnectionFailure(false).build();
    }

    record Result(int status, Headers headers, byte[] bytes, IOException failure) {
        String body() { return new String(bytes, StandardCharsets.UTF_8); }

        JsonNode json() {
            try {
                return JSON.readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    String url(String pathAndQuery) {
        Simulator.Listener l = http.protocols().contains(Protocol.H2_PRIOR_KNOWLEDGE) ? Simulator.Listener.H2C : Simulator.Listener.HTTP;
        return sim.root(l) + pathAndQuery;
    }

    Result post(String pathAndQuery, String json, String... headerPairs) {
        Request.Builder rb = new Request.Builder().url(url(pathAndQuery)).post(RequestBody.create(json, APPLICATION_JSON));
        for (int i = 0; i < headerPairs.length; i += 2) rb.header(headerPairs[i], headerPairs[i + 1]);
        return execute(rb.build());
    }

    Result get(String pathAndQuery, String... headerPairs) {
        Request.Builder rb = new Request.Builder().url(url(pathAndQuery)).get();
        for (int i = 0; i < headerPairs.length; i += 2) rb.header(headerPairs[i], headerPairs[i + 1]);
        return execute(rb.build());
    }

    /** Reads the whole body; an I/O failure mid-body is returned with the bytes read so far. */
    Result execute(Request request) {
        try (Response r = http.newCall(request).execute()) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            IOException failure = null;
            try (var in = r.body().byteStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) out.write(buf, 0, n);
            } catch (IOException e) {
                failure = e;
            }
            return new Result(r.code(), r.headers(), out.toByteArray(), failure);
        } catch (IOException e) {
            return new Result(0, Headers.of(), new byte[0], e);
        }
    }

    /** SSE events: blocks separated by a blank line, each a list of its lines (comments included). */
    static List<List<String>> sseBlocks(String body) {
        List<List<String>> blocks = new ArrayList<>();
        for (String block : body.split("\r?\n\r?\n")) {
            if (block.isBlank()) continue;
            blocks.add(List.of(block.split("\r?\n")));
        }
        return blocks;
    }

    /** The JSON of every {@code data:} line except [DONE]. */
    static List<JsonNode> dataJson(String body) {
        List<JsonNode> out = new ArrayList<>();
        for (List<String> block : sseBlocks(body)) {
            for (String line : block) {
                if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                    try {
                        out.add(JSON.readTree(line.substring(6)));
                    } catch (IOException e) {
                        throw new UncheckedIOException("bad JSON in " + line, e);
                    }
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        sim.close();
    }
}
