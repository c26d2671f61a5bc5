package dev.llmbench.bench.path.generic;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.llmbench.bench.path.StreamCall;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's default HTTP client ({@link JdkHttpClient} over {@code java.net.http}), built once and shared by
 * every model of one adapter, wrapped to observe when headers arrive and each SSE event. The JDK client exposes the
 * HTTP version only on its own response, which LangChain4j drops, but its HTTP/2 responses keep the
 * {@code :status} pseudo-header, which tells h2 from HTTP/1.1.
 */
final class ObservedHttpClientBuilder implements HttpClientBuilder {
    private final java.net.http.HttpClient.Builder jdk;
    private Duration connectTimeout;
    private Duration readTimeout;
    private HttpClient built;

    ObservedHttpClientBuilder(java.net.http.HttpClient.Builder jdk) { this.jdk = jdk; }

    @Override public Duration connectTimeout() { return connectTimeout; }
    @Override public HttpClientBuilder connectTimeout(Duration timeout) { connectTimeout = timeout; return this; }
    @Override public Duration readTimeout() { return readTimeout; }
    @Override public HttpClientBuilder readTimeout(Duration timeout) { readTimeout = timeout; return this; }

    @Override
    public synchronized HttpClient build() {
        // One JDK client (one connection pool) for all models, as one LangChain4j user would configure it.
        if (built == null) {
            JdkHttpClientBuilder b = JdkHttpClient.builder().httpClientBuilder(jdk);
            if (connectTimeout != null) b.connectTimeout(connectTimeout);
            if (readTimeout != null) b.readTimeout(readTimeout);
            built = new Observed(b.build());
        }
        return built;
    }

    private record Observed(HttpClient delegate) implements HttpClient {
        @Override
        public SuccessfulHttpResponse execute(HttpRequest request) { return delegate.execute(request); }

        @Override
        public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
            List<String> ids = request.headers().get(StreamCall.PROBE_HEADER);
            StreamCall call = ids == null || ids.isEmpty() ? null : StreamCall.byId(ids.get(0));
            delegate.execute(request, parser, call == null ? listener : new ObservingListener(call, listener));
        }
    }

    private record ObservingListener(StreamCall call, ServerSentEventListener delegate) implements ServerSentEventListener {
        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            Map<String, List<String>> headers = response.headers();
            call.headers(response.statusCode(), headers.containsKey(":status") ? "h2" : "http/1.1", System.nanoTime());
            delegate.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            call.event(System.nanoTime());
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            call.event(System.nanoTime());
            delegate.onEvent(event);
        }

        @Override public void onError(Throwable throwable) { delegate.onError(throwable); }

        @Override public void onClose() { delegate.onClose(); }
    }
}
