package dev.llmbench.bench.path.sdk;

import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ApiException;
import com.google.genai.types.Candidate;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.GenerateContentResponseUsageMetadata;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import com.google.genai.types.ThinkingConfig;
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
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code sdk} path for Gemini: google-genai's {@code client.async.models.generateContentStream}. Base URL and
 * API version go through {@link HttpOptions}, so requests land on
 * {@code <root>/gemini/v1beta/models/<model>:streamGenerateContent?alt=sse}.
 *
 * <p>The SDK's async call (OkHttp {@code enqueue}) hands back a blocking {@link ResponseStream} once headers are in;
 * iterating it blocks, so each open stream holds one thread of this adapter's cached pool — as it would any user's.
 * The SDK builds OkHttp with no timeouts and OkHttp's default dispatcher: <b>5 requests per host</b> for async calls
 * (a call leaves the dispatcher when its headers have been handed over, so the limit bounds requests waiting for
 * headers, not open streams), and its retry interceptor (5 attempts on 408/429/5xx, sleeping in the interceptor).
 *
 * <p>DEFAULT passes a {@code customHttpClient} equal to what the SDK builds itself (zero timeouts, default
 * dispatcher and pool) plus the truststore and a network interceptor that observes headers and protocol. TUNED
 * sizes the dispatcher (requests and requests per host) and the pool to the concurrency and sets one attempt.
 */
public final class GeminiSdkClient implements LlmClient {
    private final PathTarget target;
    private final Client client;
    private final ExecutorService streamThreads;
    private final Dispatcher dispatcher;

    public GeminiSdkClient(PathTarget target, PathVariant variant) {
        this.target = target;
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ZERO).readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO)
                .addNetworkInterceptor(new OkHttpProbe());
        TrustMaterial trust = TrustMaterial.of(target);
        if (trust != null) http.sslSocketFactory(trust.context().getSocketFactory(), trust.trustManager());
        HttpOptions.Builder options = HttpOptions.builder()
                .baseUrl(target.baseUrlWithoutVersion())
                .apiVersion(target.apiVersion());
        if (!target.headers().isEmpty()) options.headers(target.headers());
        if (variant == PathVariant.TUNED) {
            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(Math.max(64, target.concurrency()));
            dispatcher.setMaxRequestsPerHost(Math.max(64, target.concurrency()));
            http.dispatcher(dispatcher).connectionPool(new ConnectionPool(target.concurrency(), 5, TimeUnit.MINUTES));
            options.retryOptions(HttpRetryOptions.builder().attempts(1).build());
        }
        OkHttpClient okHttp = http.build();
        // The SDK derives its client with newBuilder(), which keeps this dispatcher.
        this.dispatcher = okHttp.dispatcher();
        this.client = Client.builder()
                .apiKey(target.apiKey())
                .httpOptions(options.build())
                .clientOptions(ClientOptions.builder().customHttpClient(okHttp).build())
                .build();
        AtomicInteger n = new AtomicInteger();
        this.streamThreads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "genai-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
        String model = ModelRouter.providerModel(request.model());
        StreamCall call = new StreamCall(Provider.GEMINI, model, listener);
        List<Content> contents = new ArrayList<>(request.messages().size());
        for (Message m : request.messages()) {
            contents.add(Content.builder().role(m.role() == Message.Role.USER ? "user" : "model")
                    .parts(Part.fromText(m.content())).build());
        }
        GenerateContentConfig config;
        try {
            config = config(request, call);
        } catch (RuntimeException e) {
            call.fail(new LlmException.Config("cannot build the request: " + e.getMessage()));
            return call.future();
        }
        call.send();
        client.async.models.generateContentStream(model, contents, config)
                .whenComplete((stream, error) -> {
                    if (error != null) call.fail(map(error));
                })
                .thenAcceptAsync(stream -> consume(stream, call), streamThreads);
        return call.future();
    }

    private static GenerateContentConfig config(ChatRequest request, StreamCall call) {
        Map<String, String> headers = new HashMap<>(request.headers());
        headers.put(StreamCall.PROBE_HEADER, call.id());
        GenerateContentConfig.Builder b = GenerateContentConfig.builder()
                .httpOptions(HttpOptions.builder().headers(headers).build());
        if (request.system() != null) b.systemInstruction(Content.fromParts(Part.fromText(request.system())));
        if (request.maxTokens() != null) b.maxOutputTokens(request.maxTokens());
        if (request.temperature() != null) b.temperature(request.temperature().floatValue());
        if (request.thinking() instanceof Thinking.Budget budget) {
            b.thinkingConfig(ThinkingConfig.builder().thinkingBudget(budget.tokens()).build());
        } else if (request.thinking() instanceof Thinking.Level level) {
            b.thinkingConfig(ThinkingConfig.builder().thinkingLevel(level.level()).build());
        }
        return b.build();
    }

    /** Reads the blocking stream on a pool thread until it ends. */
    private static void consume(ResponseStream<GenerateContentResponse> stream, StreamCall call) {
        GenerateContentResponseUsageMetadata usage = null;
        String finishReason = null;
        try (stream) {
            for (GenerateContentResponse response : stream) {
                long now = System.nanoTime();
                call.event(now);
                List<Candidate> candidates = response.candidates().orElse(List.of());
                if (!candidates.isEmpty()) {
                    Candidate c = candidates.get(0);
                    for (Part part : c.content().flatMap(Content::parts).orElse(List.of())) {
                        call.token(part.text().orElse(null), part.thought().orElse(false), now);
                    }
                    Optional<com.google.genai.types.FinishReason> fr = c.finishReason();
                    if (fr.isPresent()) finishReason = fr.get().toString();
                }
                if (response.usageMetadata().isPresent()) usage = response.usageMetadata().get();
            }
        } catch (RuntimeException e) {
            call.fail(map(e));
            return;
        }
        call.complete(usage == null ? null : usage(usage), finishReason);
    }

    private static Usage usage(GenerateContentResponseUsageMetadata u) {
        long thoughts = u.thoughtsTokenCount().orElse(0);
        return new Usage(u.promptTokenCount().orElse(0), u.cachedContentTokenCount().orElse(0),
                u.candidatesTokenCount().orElse(0) + thoughts, thoughts, true);
    }

    static LlmException map(Throwable t) {
        Throwable e = Failures.unwrap(t);
        ApiException api = Failures.find(e, ApiException.class);
        if (api != null) return Failures.fromStatus(api.code(), api.getMessage(), api.message(), null);
        return Failures.fromThrowable(e);
    }

    /** Calls OkHttp's dispatcher holds back because of its limits (the default allows 5 per host). */
    public int queuedCalls() { return dispatcher.queuedCallsCount(); }

    /** Calls OkHttp's dispatcher is running (sent, waiting for or reading their response). */
    public int runningCalls() { return dispatcher.runningCallsCount(); }

    /** The dispatcher's per-host limit for async calls. */
    public int maxRequestsPerHost() { return dispatcher.getMaxRequestsPerHost(); }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) { return stream(request, StreamListener.NONE); }

    @Override
    public ProviderSettings settings(Provider provider) {
        return new ProviderSettings(List.of(target.apiKey()), target.baseUrl(), TransportKind.OKHTTP_H2);
    }

    @Override
    public void close() {
        client.close();
        streamThreads.shutdownNow();
    }
}
