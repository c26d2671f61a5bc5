package dev.llmbench.bench.path.sdk;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.AnthropicClientAsync;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.RequestOptions;
import com.anthropic.core.http.AsyncStreamResponse;
import com.anthropic.core.http.HttpClient;
import com.anthropic.core.http.HttpRequest;
import com.anthropic.core.http.HttpResponse;
import com.anthropic.core.http.Interceptor;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawMessageStreamEvent;
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
import dev.llmbench.client.Thinking;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.Usage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code sdk} path for Anthropic: anthropic-java's async streaming API ({@code messages().createStreaming}).
 * The SDK appends {@code /v1/messages} to its base URL, so the target's version segment is dropped.
 *
 * <p>DEFAULT is {@code AnthropicOkHttpClient.builder()} with key, base URL and the truststore as an explicit socket
 * factory. TUNED adds {@code maxRetries(0)} and a connection pool keeping {@code concurrency} idle connections
 * (the SDK exposes no dispatcher limit: OkHttp's 64 in-flight requests, per host raised to 64 by the SDK, stays).
 * An SDK interceptor notes when headers arrive; the SDK hides OkHttp's Response, so the protocol stays unknown.
 */
public final class AnthropicSdkClient implements LlmClient {
    /** Anthropic requires max_tokens; the reference client sends the same default. */
    static final long DEFAULT_MAX_TOKENS = 1024;

    private final PathTarget target;
    private final AnthropicClient client;
    private final AnthropicClientAsync async;

    public AnthropicSdkClient(PathTarget target, PathVariant variant) {
        this.target = target;
        TrustMaterial trust = TrustMaterial.of(target);
        AnthropicOkHttpClient.Builder b = AnthropicOkHttpClient.builder()
                .apiKey(target.apiKey())
                .baseUrl(target.baseUrlWithoutVersion())
                .addInterceptor(Interceptor.asyncOnly(AnthropicSdkClient::observe));
        target.headers().forEach(b::putHeader);
        if (trust != null) b.sslSocketFactory(trust.context().getSocketFactory()).trustManager(trust.trustManager());
        if (variant == PathVariant.TUNED) {
            b.maxRetries(0).maxIdleConnections(target.concurrency()).keepAliveDuration(Duration.ofMinutes(5));
        }
        this.client = b.build();
        this.async = client.async();
    }

    private static CompletableFuture<HttpResponse> observe(HttpClient next, HttpRequest request, RequestOptions options) {
        return next.executeAsync(request, options).thenApply(r -> {
            long now = System.nanoTime();
            List<String> ids = request.headers().values(StreamCall.PROBE_HEADER);
            StreamCall call = ids.isEmpty() ? null : StreamCall.byId(ids.get(0));
            if (call != null) call.headers(r.statusCode(), null, now);
            return r;
        });
    }

    @Override
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
        String model = ModelRouter.providerModel(request.model());
        StreamCall call = new StreamCall(Provider.ANTHROPIC, model, listener);
        MessageCreateParams params;
        try {
            params = params(request, model, call);
        } catch (RuntimeException e) {
            call.fail(new LlmException.Config("cannot build the request: " + e.getMessage()));
            return call.future();
        }
        call.send();
        AsyncStreamResponse<RawMessageStreamEvent> response = async.messages().createStreaming(params);
        response.subscribe(new EventHandler(call));
        call.future().whenComplete((r, e) -> { if (call.future().isCancelled()) response.close(); });
        return call.future();
    }

    private static MessageCreateParams params(ChatRequest request, String model, StreamCall call) {
        MessageCreateParams.Builder b = MessageCreateParams.builder()
                .model(model)
                .maxTokens(request.maxTokens() == null ? DEFAULT_MAX_TOKENS : request.maxTokens())
                .putAdditionalHeader(StreamCall.PROBE_HEADER, call.id());
        if (request.system() != null) b.system(request.system());
        for (Message m : request.messages()) {
            if (m.role() == Message.Role.USER) b.addUserMessage(m.content());
            else b.addAssistantMessage(m.content());
        }
        // anthropic-java 3.14 has no typed temperature setter; the API accepts the field as an additional body property.
        if (request.temperature() != null) b.putAdditionalBodyProperty("temperature", JsonValue.from(request.temperature()));
        if (request.thinking() instanceof Thinking.Budget budget && budget.tokens() > 0) {
            b.enabledThinking(budget.tokens());
        }
        for (Map.Entry<String, Object> e : request.extra().entrySet()) b.putAdditionalBodyProperty(e.getKey(), JsonValue.from(e.getValue()));
        request.headers().forEach(b::putAdditionalHeader);
        return b.build();
    }

    /** Runs on the SDK's stream-handler thread (one per open stream). */
    private static final class EventHandler implements AsyncStreamResponse.Handler<RawMessageStreamEvent> {
        private final StreamCall call;
        private long inputTokens;
        private long cachedTokens;
        private long outputTokens;
        private boolean sawUsage;
        private String stopReason;

        EventHandler(StreamCall call) { this.call = call; }

        @Override
        public void onNext(RawMessageStreamEvent event) {
            long now = System.nanoTime();
            call.event(now);
            if (event.isContentBlockDelta()) {
                RawContentBlockDelta delta = event.asContentBlockDelta().delta();
                if (delta.isText()) call.token(delta.asText().text(), false, now);
                else if (delta.isThinking()) call.token(delta.asThinking().thinking(), true, now);
            } else if (event.isMessageStart()) {
                com.anthropic.models.messages.Usage u = event.asMessageStart().message().usage();
                long read = u.cacheReadInputTokens().orElse(0L);
                // Anthropic's input_tokens excludes cache reads and writes; ours includes every prompt token.
                inputTokens = u.inputTokens() + read + u.cacheCreationInputTokens().orElse(0L);
                cachedTokens = read;
                outputTokens = u.outputTokens();
                sawUsage = true;
            } else if (event.isMessageDelta()) {
                outputTokens = event.asMessageDelta().usage().outputTokens();
                sawUsage = true;
                event.asMessageDelta().delta().stopReason().ifPresent(r -> stopReason = r.asString());
            }
        }

        @Override
        public void onComplete(Optional<Throwable> error) {
            if (error.isPresent()) {
                call.fail(map(error.get()));
                return;
            }
            call.complete(sawUsage ? new Usage(inputTokens, cachedTokens, outputTokens, 0, true) : null, stopReason);
        }
    }

    static LlmException map(Throwable t) {
        Throwable e = Failures.unwrap(t);
        AnthropicServiceException s = Failures.find(e, AnthropicServiceException.class);
        if (s != null) {
            return Failures.fromStatus(s.statusCode(), s.getMessage(), s.body().toString(), name -> {
                List<String> v = s.headers().values(name);
                return v.isEmpty() ? null : v.get(0);
            });
        }
        if (e instanceof AnthropicIoException && e.getCause() != null) return Failures.fromThrowable(e.getCause());
        return Failures.fromThrowable(e);
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
