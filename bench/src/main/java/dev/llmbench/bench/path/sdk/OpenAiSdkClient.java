package dev.llmbench.bench.path.sdk;

import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.client.OpenAIClientImpl;
import com.openai.client.okhttp.OkHttpClient;
import com.openai.core.ClientOptions;
import com.openai.core.JsonValue;
import com.openai.core.http.AsyncStreamResponse;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import dev.llmbench.bench.path.Failures;
import dev.llmbench.bench.path.PathTarget;
import dev.llmbench.bench.path.PathVariant;
import dev.llmbench.bench.path.StreamCall;
import dev.llmbench.bench.path.TrustMaterial;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Message;
import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.StreamListener;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.Usage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code sdk} path for OpenAI-format providers (OpenAI, and Together or any OpenAI-compatible server through the
 * base URL): openai-java's async streaming API ({@code createStreaming(...).subscribe(handler)}), so the SDK's own
 * OkHttp client, SSE reader and stream-handler threads are what is measured.
 *
 * <p>DEFAULT is built exactly as {@code OpenAIOkHttpClient.builder().build()} builds it (the SDK's
 * {@link OkHttpClient}: default OkHttp protocols, dispatcher 64 requests with the per-host limit raised to 64,
 * default pool of 5 idle connections, OkHttp's retry on connection failure, SDK retries 2), with the truststore
 * passed as an explicit socket factory and the HTTP client wrapped only to see when headers arrive (protocol not
 * visible). TUNED sets {@code maxRetries(0)} and, since openai-java 4.8.0 exposes no dispatcher or pool setting,
 * plugs {@link TunedOpenAiHttpClient} (the SDK's public HttpClient interface over an OkHttp client sized to the
 * concurrency) into {@link ClientOptions}; that also makes the protocol visible.
 */
public final class OpenAiSdkClient implements LlmClient {
    private final PathTarget target;
    private final OpenAIClient client;
    private final OpenAIClientAsync async;
    /** The SDK's own OkHttp adapter (DEFAULT only), kept to inspect what it configured. */
    private final OkHttpClient sdkHttp;

    public OpenAiSdkClient(PathTarget target, PathVariant variant) {
        this.target = target;
        TrustMaterial trust = TrustMaterial.of(target);
        ClientOptions.Builder options = ClientOptions.builder()
                .apiKey(target.apiKey())
                .baseUrl(target.baseUrl());
        target.headers().forEach(options::putHeader);
        if (variant == PathVariant.TUNED) options.maxRetries(0);
        if (variant == PathVariant.TUNED) {
            options.httpClient(new TunedOpenAiHttpClient(target.concurrency(), trust));
            this.sdkHttp = null;
        } else {
            OkHttpClient.Builder http = OkHttpClient.builder().timeout(options.timeout());
            if (trust != null) http.sslSocketFactory(trust.context().getSocketFactory()).trustManager(trust.trustManager());
            this.sdkHttp = http.build();
            options.httpClient(new ObservedOpenAiHttpClient(sdkHttp));
        }
        this.client = new OpenAIClientImpl(options.build());
        this.async = client.async();
    }

    @Override
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
        String model = ModelRouter.providerModel(request.model());
        StreamCall call = new StreamCall(target.provider(), model, listener);
        ChatCompletionCreateParams params;
        try {
            params = params(request, model, call);
        } catch (RuntimeException e) {
            call.fail(new LlmException.Config("cannot build the request: " + e.getMessage()));
            return call.future();
        }
        call.send();
        AsyncStreamResponse<ChatCompletionChunk> response = async.chat().completions().createStreaming(params);
        ChunkHandler handler = new ChunkHandler(call);
        response.subscribe(handler);
        call.future().whenComplete((r, e) -> { if (call.future().isCancelled()) response.close(); });
        return call.future();
    }

    private ChatCompletionCreateParams params(ChatRequest request, String model, StreamCall call) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(model)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .putAdditionalHeader(StreamCall.PROBE_HEADER, call.id());
        if (request.system() != null) b.addSystemMessage(request.system());
        for (Message m : request.messages()) {
            if (m.role() == Message.Role.USER) b.addUserMessage(m.content());
            else b.addMessage(com.openai.models.chat.completions.ChatCompletionAssistantMessageParam.builder()
                    .content(m.content()).build());
        }
        if (request.maxTokens() != null) {
            // OpenAI deprecated max_tokens for max_completion_tokens; OpenAI-compatible servers still expect max_tokens.
            if (target.provider() == Provider.OPENAI) b.maxCompletionTokens(request.maxTokens());
            else b.maxTokens(request.maxTokens());
        }
        if (request.temperature() != null) b.temperature(request.temperature());
        for (Map.Entry<String, Object> e : request.extra().entrySet()) b.putAdditionalBodyProperty(e.getKey(), JsonValue.from(e.getValue()));
        request.headers().forEach(b::putAdditionalHeader);
        return b.build();
    }

    /** Runs on the SDK's stream-handler thread (one per open stream). */
    private static final class ChunkHandler implements AsyncStreamResponse.Handler<ChatCompletionChunk> {
        private final StreamCall call;
        private CompletionUsage usage;
        private String finishReason;

        ChunkHandler(StreamCall call) { this.call = call; }

        @Override
        public void onNext(ChatCompletionChunk chunk) {
            long now = System.nanoTime();
            call.event(now);
            List<ChatCompletionChunk.Choice> choices = chunk.choices();
            if (!choices.isEmpty()) {
                ChatCompletionChunk.Choice choice = choices.get(0);
                call.token(choice.delta().content().orElse(null), false, now);
                choice.finishReason().ifPresent(f -> finishReason = f.asString());
            }
            chunk.usage().ifPresent(u -> usage = u);
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            if (error.isPresent()) {
                call.fail(map(error.get()));
                return;
            }
            call.complete(usage == null ? null : new Usage(usage.promptTokens(),
                    usage.promptTokensDetails().flatMap(CompletionUsage.PromptTokensDetails::cachedTokens).orElse(0L),
                    usage.completionTokens(),
                    usage.completionTokensDetails().flatMap(CompletionUsage.CompletionTokensDetails::reasoningTokens).orElse(0L),
                    true), finishReason);
        }
    }

    static LlmException map(Throwable t) {
        Throwable e = Failures.unwrap(t);
        OpenAIServiceException s = Failures.find(e, OpenAIServiceException.class);
        if (s != null) {
            return Failures.fromStatus(s.statusCode(), s.getMessage(), s.body().toString(), name -> {
                List<String> v = s.headers().values(name);
                return v.isEmpty() ? null : v.get(0);
            });
        }
        if (e instanceof OpenAIIoException && e.getCause() != null) return Failures.fromThrowable(e.getCause());
        return Failures.fromThrowable(e);
    }

    /**
     * The okhttp3 client inside the SDK's default adapter (which keeps it private), to check what the SDK chose:
     * protocols, dispatcher limits, pool. Null for TUNED.
     */
    okhttp3.OkHttpClient sdkOkHttp() {
        if (sdkHttp == null) return null;
        try {
            java.lang.reflect.Field f = OkHttpClient.class.getDeclaredField("okHttpClient");
            f.setAccessible(true);
            return (okhttp3.OkHttpClient) f.get(sdkHttp);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("openai-java's OkHttpClient layout changed: " + e, e);
        }
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) { return stream(request, StreamListener.NONE); }

    @Override
    public ProviderSettings settings(Provider provider) {
        return new ProviderSettings(List.of(target.apiKey()), target.baseUrl(), TransportKind.OKHTTP_H2);
    }

    @Override
    public void close() { client.close(); }
}
