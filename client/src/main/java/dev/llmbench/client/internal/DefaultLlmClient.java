package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.StreamListener;

import java.util.concurrent.CompletableFuture;

/** Placeholder until the client core lands. */
public final class DefaultLlmClient implements LlmClient {
    public DefaultLlmClient(LlmClient.Builder builder) {}

    @Override public CompletableFuture<ChatResponse> complete(ChatRequest request) { throw new UnsupportedOperationException("not built yet"); }
    @Override public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) { throw new UnsupportedOperationException("not built yet"); }
    @Override public ProviderSettings settings(Provider provider) { throw new UnsupportedOperationException("not built yet"); }
    @Override public void close() {}
}
