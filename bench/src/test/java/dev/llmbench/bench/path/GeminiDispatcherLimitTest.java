package dev.llmbench.bench.path;

import dev.llmbench.bench.path.sdk.GeminiSdkClient;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evidence for issue 6 item 4: google-genai leaves OkHttp's default dispatcher in place, so at most 5 async calls
 * per host wait for response headers at once and the rest queue inside OkHttp; the tuned variant lifts the limit.
 * The simulator holds headers back for one network round trip (1 s), long enough to see the queue.
 */
class GeminiDispatcherLimitTest {

    @Test
    void defaultQueuesBeyondFivePerHostAndTunedDoesNot() {
        try (Simulator sim = Simulator.builder().set("zero.network.rttMs", "1000")
                .set("zero.output.mean", "4").set("zero.output.sigma", "0").start()) {
            PathTarget target = new PathTarget(Provider.GEMINI, sim.baseUrl(Simulator.Listener.HTTP, "zero", "v1beta"),
                    "sk-test", null, null, 10);
            assertThat(queuedAfterTenRequests(new GeminiSdkClient(target, PathVariant.DEFAULT), 5)).isEqualTo(5);
            assertThat(queuedAfterTenRequests(new GeminiSdkClient(target, PathVariant.TUNED), 64)).isZero();
        }
    }

    private static int queuedAfterTenRequests(GeminiSdkClient client, int expectedLimit) {
        try (client) {
            assertThat(client.maxRequestsPerHost()).isEqualTo(expectedLimit);
            List<CompletableFuture<ChatResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                futures.add(client.stream(ChatRequest.of("gemini/gemini-3-flash", "hi " + i), StreamListener.NONE));
            }
            // enqueue() is asynchronous only in its execution: the queue is decided on the calling thread.
            int queued = waitForEnqueue(client);
            for (CompletableFuture<ChatResponse> f : futures) f.orTimeout(30, TimeUnit.SECONDS).join();
            assertThat(client.queuedCalls()).isZero();
            return queued;
        }
    }

    /**
     * The SDK enqueues from a common-pool task: waits until the dispatcher holds all ten calls, running or queued, and
     * reads the queue then. No fixed wait: on a loaded 2-core box that task has taken longer than the 200 ms this test
     * once waited. What must stay short is only the time to enqueue, against the 1 s the simulator holds every
     * response's headers back (no call can finish, so none leaves the dispatcher, before that).
     */
    private static int waitForEnqueue(GeminiSdkClient client) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(900);
        while (client.queuedCalls() + client.runningCalls() < 10 && System.nanoTime() < deadline) {
            try { Thread.sleep(2); } catch (InterruptedException e) { Thread.currentThread().interrupt(); break; }
        }
        assertThat(client.queuedCalls() + client.runningCalls()).as("calls in the dispatcher before the first could finish").isEqualTo(10);
        return client.queuedCalls();
    }
}
