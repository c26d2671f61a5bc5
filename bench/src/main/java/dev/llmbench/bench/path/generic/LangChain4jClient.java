package dev.llmbench.bench.path.generic;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import dev.llmbench.bench.path.Failures;
import dev.llmbench.bench.path.PathTarget;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@code generic} path: LangChain4j's streaming chat model for the provider ({@link OpenAiStreamingChatModel}
 * for OpenAI, Together and OpenAI-compatible servers, {@link AnthropicStreamingChatModel},
 * {@link GoogleAiGeminiStreamingChatModel}) on LangChain4j's default HTTP client, the JDK's
 * {@code java.net.http.HttpClient} (HTTP/2 by default: ALPN over TLS, {@code Upgrade: h2c} over cleartext; one
 * connection per host; one thread of the JDK client's executor held per open stream while LangChain4j reads the
 * body). LangChain4j does not retry streaming calls. There is no tuned variant: the point of this path is what a
 * generic framework gives you.
 *
 * <p>Per-request headers (ours and the caller's, e.g. {@code x-sim-fault}) travel through the models'
 * {@code customHeaders} supplier, which LangChain4j calls on the sending thread.
 */
public final class LangChain4jClient implements LlmClient {
    private static final ThreadLocal<Map<String, String>> REQUEST_HEADERS = new ThreadLocal<>();

    private final PathTarget target;
    private final ObservedHttpClientBuilder http;
    private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();

    public LangChain4jClient(PathTarget target) {
        this.target = target;
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder();
        TrustMaterial trust = TrustMaterial.of(target);
        if (trust != null) jdk.sslContext(trust.context());
        this.http = new ObservedHttpClientBuilder(jdk);
    }

    @Override
    public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) {
        String model = ModelRouter.providerModel(request.model());
        StreamCall call = new StreamCall(target.provider(), model, listener);
        dev.langchain4j.model.chat.request.ChatRequest lcRequest;
        StreamingChatModel chatModel;
        try {
            chatModel = models.computeIfAbsent(model, this::newModel);
            lcRequest = toLangChain4j(request, model);
        } catch (RuntimeException e) {
            call.fail(new LlmException.Config("cannot build the request: " + e.getMessage()));
            return call.future();
        }
        Map<String, String> headers = new HashMap<>(target.headers());
        headers.putAll(request.headers());
        headers.put(StreamCall.PROBE_HEADER, call.id());
        REQUEST_HEADERS.set(headers);
        try {
            call.send();
            chatModel.chat(lcRequest, new Handler(call));
        } catch (RuntimeException e) {
            call.fail(map(e));
        } finally {
            REQUEST_HEADERS.remove();
        }
        return call.future();
    }

    private StreamingChatModel newModel(String model) {
        Supplier<Map<String, String>> headers = () -> {
            Map<String, String> h = REQUEST_HEADERS.get();
            return h == null ? target.headers() : h;
        };
        return switch (target.provider()) {
            case OPENAI, TOGETHER, GENERIC -> OpenAiStreamingChatModel.builder()
                    .httpClientBuilder(http).baseUrl(target.baseUrl()).apiKey(target.apiKey())
                    .modelName(model).customHeaders(headers).returnThinking(true).build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .httpClientBuilder(http).baseUrl(target.baseUrl()).apiKey(target.apiKey())
                    .modelName(model).maxTokens(1024).customHeaders(headers).returnThinking(true).build();
            case GEMINI -> GoogleAiGeminiStreamingChatModel.builder()
                    .httpClientBuilder(http).baseUrl(target.baseUrl()).apiKey(target.apiKey())
                    .modelName(model).customHeaders(headers).returnThinking(true).build();
        };
    }

    private static dev.langchain4j.model.chat.request.ChatRequest toLangChain4j(ChatRequest request, String model) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size() + 1);
        if (request.system() != null) messages.add(SystemMessage.from(request.system()));
        for (Message m : request.messages()) {
            messages.add(m.role() == Message.Role.USER ? UserMessage.from(m.content()) : AiMessage.from(m.content()));
        }
        return dev.langchain4j.model.chat.request.ChatRequest.builder()
                .messages(messages)
                .parameters(ChatRequestParameters.builder()
                        .modelName(model)
                        .maxOutputTokens(request.maxTokens())
                        .temperature(request.temperature())
                        .build())
                .build();
    }

    /** Runs on the JDK client's executor thread reading the stream. */
    private record Handler(StreamCall call) implements StreamingChatResponseHandler {
        @Override
        public void onPartialResponse(String partialResponse) { call.token(partialResponse, false, System.nanoTime()); }

        @Override
        public void onPartialThinking(PartialThinking partialThinking) {
            call.token(partialThinking.text(), true, System.nanoTime());
        }

        @Override
        public void onCompleteResponse(dev.langchain4j.model.chat.response.ChatResponse response) {
            TokenUsage u = response.tokenUsage();
            Usage usage = null;
            if (u != null && u.outputTokenCount() != null) {
                long cached = 0;
                long reasoning = 0;
                if (u instanceof OpenAiTokenUsage o) {
                    if (o.inputTokensDetails() != null && o.inputTokensDetails().cachedTokens() != null)
                        cached = o.inputTokensDetails().cachedTokens();
                    if (o.outputTokensDetails() != null && o.outputTokensDetails().reasoningTokens() != null)
                        reasoning = o.outputTokensDetails().reasoningTokens();
                }
                usage = new Usage(u.inputTokenCount() == null ? 0 : u.inputTokenCount(), cached,
                        u.outputTokenCount(), reasoning, true);
            }
            call.complete(usage, response.finishReason() == null ? null : response.finishReason().name());
        }

        @Override
        public void onError(Throwable error) { call.fail(map(error)); }
    }

    static LlmException map(Throwable t) {
        Throwable e = Failures.unwrap(t);
        HttpException http = Failures.find(e, HttpException.class);
        if (http != null) return Failures.fromStatus(http.statusCode(), http.getMessage(), http.getMessage(), null);
        if (e instanceof RateLimitException) return Failures.fromStatus(429, e.getMessage(), null, null);
        if (e instanceof dev.langchain4j.exception.TimeoutException)
            return new LlmException.Timeout(LlmException.Timeout.Phase.TOTAL, java.time.Duration.ZERO);
        return Failures.fromThrowable(e);
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) { return stream(request, StreamListener.NONE); }

    @Override
    public ProviderSettings settings(Provider provider) {
        return new ProviderSettings(List.of(target.apiKey()), target.baseUrl(), TransportKind.JDK_H2);
    }

    /** LangChain4j models hold nothing to close; the JDK client's threads are daemons and its pool idles out. */
    @Override
    public void close() { models.clear(); }
}
