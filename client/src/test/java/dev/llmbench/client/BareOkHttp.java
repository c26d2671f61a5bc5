package dev.llmbench.client;

import dev.llmbench.client.internal.transport.TlsTrust;
import dev.llmbench.simulator.Simulator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link ThroughputProbe}'s baseline: plain OkHttp reading the stream line by line and counting {@code data:}
 * lines (no JSON, no timestamps), what the "bare OkHttp reading lines" figure measures. Same request bytes as
 * the reference client's OpenAI path would send for a one-message prompt.
 */
final class BareOkHttp {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String BODY = "{\"model\":\"gpt-4.1-nano\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Tell me something.\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}";

    private BareOkHttp() {}

    static void run(Simulator sim, Simulator.Listener listener, String profile, int streams, int seconds) throws Exception {
        OkHttpClient http = client(sim, listener, streams);
        Request request = new Request.Builder().url(sim.baseUrl(listener, profile, "v1") + "/chat/completions")
                .header("authorization", "Bearer sk-sim-bare-0123456789").post(RequestBody.create(BODY, JSON)).build();
        try (Response first = http.newCall(request).execute()) {
            System.out.printf("bare OkHttp: protocol=%s, %d data lines%n", first.protocol(), dataLines(first.body().source()));
        }
        run(http, request, streams, Math.max(2, seconds / 3), false);
        run(http, request, streams, seconds, true);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static OkHttpClient client(Simulator sim, Simulator.Listener listener, int streams) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(streams);
        dispatcher.setMaxRequestsPerHost(streams);
        OkHttpClient.Builder b = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(streams, 5, TimeUnit.MINUTES)).readTimeout(Duration.ofMinutes(1));
        if (listener == Simulator.Listener.TLS) {
            TlsTrust trust = TlsTrust.create(sim.trustStore(), sim.trustStorePassword()); // as the client trusts it
            b.sslSocketFactory(trust.sslContext().getSocketFactory(), trust.trustManager())
                    .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
        } else if (listener == Simulator.Listener.H2C) {
            b.protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
        }
        return b.build();
    }

    private static long dataLines(BufferedSource source) throws IOException {
        long n = 0;
        for (String line; (line = source.readUtf8Line()) != null; ) {
            if (line.startsWith("data:")) n++;
        }
        return n;
    }

    private static void run(OkHttpClient http, Request request, int streams, int seconds, boolean print) throws Exception {
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicLong chunks = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(streams);
        long clientCpu0 = ThroughputProbe.clientCpu(threads);
        long processCpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        Callback callback = new Callback() {
            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    chunks.addAndGet(dataLines(response.body().source()));
                    requests.incrementAndGet();
                } catch (IOException e) {
                    failures.incrementAndGet();
                }
                next();
            }

            @Override
            public void onFailure(Call call, IOException e) {
                failures.incrementAndGet();
                next();
            }

            private void next() {
                if (stop.get()) finished.countDown();
                else http.newCall(request).enqueue(this);
            }
        };
        for (int i = 0; i < streams; i++) http.newCall(request).enqueue(callback);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        stop.set(true);
        finished.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (print) {
            ThroughputProbe.print(streams, elapsed, requests.get(), failures.get(), chunks.get(), chunks.get() - 4 * requests.get(),
                    ThroughputProbe.clientCpu(threads) - clientCpu0, os.getProcessCpuTime() - processCpu0);
        }
    }
}
