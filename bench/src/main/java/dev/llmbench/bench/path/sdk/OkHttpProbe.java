package dev.llmbench.bench.path.sdk;

import dev.llmbench.bench.path.StreamCall;
import okhttp3.Interceptor;
import okhttp3.Response;

import java.io.IOException;

/**
 * OkHttp network interceptor reporting when response headers arrived, and over which protocol, to the
 * {@link StreamCall} named by the request's probe header. Observes only; adds no work per streamed byte.
 */
final class OkHttpProbe implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        long now = System.nanoTime();
        StreamCall call = StreamCall.byId(chain.request().header(StreamCall.PROBE_HEADER));
        if (call != null) call.headers(response.code(), protocol(response.protocol()), now);
        return response;
    }

    static String protocol(okhttp3.Protocol p) {
        return switch (p) {
            case HTTP_2, H2_PRIOR_KNOWLEDGE -> "h2";
            case HTTP_1_1 -> "http/1.1";
            default -> p.toString();
        };
    }
}
