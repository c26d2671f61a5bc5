package dev.llmbench.bench.run;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.StreamListener;

import java.util.concurrent.CompletableFuture;

/** The sending side of one cell: asynchronous streaming requests, never a thread per request. */
public interface PathSession extends AutoCloseable {

    /** Starts a streaming request; the future completes with the response or fails with an LlmException. */
    CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener);

    @Override
    void close();
}
