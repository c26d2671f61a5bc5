package dev.llmbench.bench.path;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.StreamListener;

import java.util.concurrent.CompletableFuture;

/** The sending side of one cell: asynchronous streaming requests, never a thread per request. */
public interface PathSession extends AutoCloseable {

    /** Starts a streaming request; the future completes with the response or fails with an LlmException. */
    CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener);

    /** {@code text} (an error message bound for a report) with this session's API keys masked; as is by default. */
    default String redact(String text) { return text; }

    /** Retries made inside the client so far (0 when the path cannot tell or does not retry). */
    default long retries() { return 0; }

    /** The client's concurrency window over time, when the path runs one (else empty). */
    default java.util.List<dev.llmbench.bench.model.WindowSample> window() { return java.util.List.of(); }

    @Override
    void close();
}
