package dev.llmbench.bench.path.sdk;

import com.openai.core.RequestOptions;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpResponse;
import dev.llmbench.bench.path.StreamCall;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Wraps openai-java's own OkHttp-based {@link HttpClient} unchanged and only notes when response headers reach the
 * SDK (the SDK hides OkHttp's Response, so the protocol stays unknown). It sits below the SDK's retry loop, so it
 * sees every attempt; the first one's headers count, as for the reference client.
 */
final class ObservedOpenAiHttpClient implements HttpClient {
    private final HttpClient delegate;

    ObservedOpenAiHttpClient(HttpClient delegate) { this.delegate = delegate; }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        HttpResponse response = delegate.execute(request, options);
        observe(request, response);
        return response;
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        return delegate.executeAsync(request, options).thenApply(r -> observe(request, r));
    }

    private static HttpResponse observe(HttpRequest request, HttpResponse response) {
        long now = System.nanoTime();
        List<String> ids = request.headers().values(StreamCall.PROBE_HEADER);
        StreamCall call = ids.isEmpty() ? null : StreamCall.byId(ids.get(0));
        if (call != null) call.headers(response.statusCode(), null, now);
        return response;
    }

    @Override
    public void close() { delegate.close(); }
}
