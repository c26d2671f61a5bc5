package dev.llmbench.bench.path.sdk;

import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.errors.OpenAIIoException;
import dev.llmbench.bench.path.TrustMaterial;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tuned variant's HTTP client for openai-java: the SDK's public {@link HttpClient} interface implemented over an
 * OkHttp client we size ourselves, because openai-java 4.8.0 exposes no dispatcher or pool setting. Same protocols
 * (OkHttp defaults) and the same request/response mapping as the SDK's own OkHttp adapter; dispatcher limits and
 * pool are raised to the concurrency, and a network interceptor reports headers time and negotiated protocol.
 */
final class TunedOpenAiHttpClient implements HttpClient {
    private static final byte[] EMPTY = new byte[0];
    private final OkHttpClient okHttp;

    TunedOpenAiHttpClient(int concurrency, TrustMaterial trust) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Math.max(64, concurrency));
        dispatcher.setMaxRequestsPerHost(Math.max(64, concurrency));
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofMinutes(1))
                .readTimeout(Duration.ofMinutes(10))
                .writeTimeout(Duration.ofMinutes(10))
                .addNetworkInterceptor(new OkHttpProbe());
        if (trust != null) b.sslSocketFactory(trust.context().getSocketFactory(), trust.trustManager());
        this.okHttp = b.build();
    }

    @Override
    public HttpResponse execute(HttpRequest request, RequestOptions options) {
        try {
            return wrap(okHttp.newCall(toOkHttp(request)).execute());
        } catch (IOException e) {
            throw new OpenAIIoException("Request failed", e);
        }
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions options) {
        CompletableFuture<HttpResponse> future = new CompletableFuture<>();
        Call call = okHttp.newCall(toOkHttp(request));
        call.enqueue(new Callback() {
            @Override public void onResponse(Call c, Response response) {
                if (!future.complete(wrap(response))) response.close();
            }

            @Override public void onFailure(Call c, IOException e) {
                future.completeExceptionally(new OpenAIIoException("Request failed", e));
            }
        });
        future.whenComplete((r, e) -> { if (future.isCancelled()) call.cancel(); });
        return future;
    }

    private static Request toOkHttp(HttpRequest request) {
        HttpUrl.Builder url = HttpUrl.get(request.baseUrl()).newBuilder();
        for (String segment : request.pathSegments()) url.addPathSegment(segment);
        for (String key : request.queryParams().keys()) {
            for (String v : request.queryParams().values(key)) url.addQueryParameter(key, v);
        }
        Request.Builder b = new Request.Builder().url(url.build());
        for (String name : request.headers().names()) {
            for (String v : request.headers().values(name)) b.addHeader(name, v);
        }
        HttpRequestBody body = request.body();
        RequestBody okBody = body == null ? null : new RequestBody() {
            @Override public MediaType contentType() { return body.contentType() == null ? null : MediaType.get(body.contentType()); }
            @Override public long contentLength() { return body.contentLength(); }
            @Override public boolean isOneShot() { return !body.repeatable(); }
            @Override public void writeTo(BufferedSink sink) { body.writeTo(sink.outputStream()); }
        };
        String method = request.method().name();
        if (okBody == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            okBody = RequestBody.create(EMPTY);
        }
        return b.method(method, okBody).build();
    }

    private static HttpResponse wrap(Response response) {
        Headers.Builder headers = Headers.builder();
        response.headers().forEach(p -> headers.put(p.getFirst(), p.getSecond()));
        Headers built = headers.build();
        return new HttpResponse() {
            @Override public int statusCode() { return response.code(); }
            @Override public Headers headers() { return built; }
            @Override public InputStream body() { return response.body().byteStream(); }
            @Override public void close() { response.close(); }
        };
    }

    @Override
    public void close() {
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
    }
}
