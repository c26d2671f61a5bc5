package dev.llmbench.client;

import dev.llmbench.client.internal.transport.jdk.JdkHttpTransport;
import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.lang.ref.Reference;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closed client on a JDK transport leaves no {@code HttpClient-N-SelectorManager} thread (and on HTTP/1.1 no socket)
 * behind, even while the caller still holds the closed client (as a benchmark cell does until it has checked for
 * leaks). On JDK 17 that thread (and with it the pooled connections) only ends once the HttpClient is unreachable and
 * has nothing pending, so this checks that close() lets go of the client and ends what was in flight; and that HTTP/2
 * requests racing for a first connection open only one, since JDK 17 never closes the ones outside its pool.
 */
class JdkClientLeakTest {
    static Simulator sim;

    @BeforeAll
    static void start() { sim = Simulator.builder().defaultProfile("zero").set("zero.fault.stallMs", "5000").start(); }

    @AfterAll
    static void stop() { sim.close(); }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"JDK_H1", "JDK_H2"})
    void closeLeavesNoSelectorThread(TransportKind kind) throws Exception {
        Set<Thread> before = selectorThreads();
        int socketsBefore = openSockets();
        LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero").transport(kind).build();
        for (int round = 0; round < 2; round++) {
            List<CompletableFuture<ChatResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) calls.add(client.stream(ChatRequest.of("gpt-4.1-nano", "hi " + i), StreamListener.NONE));
            for (CompletableFuture<ChatResponse> c : calls) assertThat(c.get(10, TimeUnit.SECONDS).text()).isNotEmpty();
            if (kind == TransportKind.JDK_H2) { // the first burst opened one connection, not one per request (ConnectionGate)
                assertThat(openSockets() - socketsBefore).as("sockets of the client's connections, both ends").isEqualTo(2);
            }
        }
        // one more stream left open mid-body: close() has to end it too
        CountDownLatch opened = new CountDownLatch(1);
        CompletableFuture<ChatResponse> open = client.stream(ChatRequest.of("gpt-4.1-nano", "open").withHeader("x-sim-fault", "stall-mid-stream"),
                new StreamListener() {
                    @Override public void onOpen(int status, String protocol, long nanoTime) { opened.countDown(); }
                });
        // and one still waiting for its response headers
        CompletableFuture<ChatResponse> waiting = client.stream(ChatRequest.of("gpt-4.1-nano", "waiting").withHeader("x-sim-fault", "stall-first-byte"),
                StreamListener.NONE);
        assertThat(opened.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // the second request reaches the server
        assertThat(selectorThreads()).isNotEqualTo(before); // the check below can see the thread
        client.close();
        assertThat(open).failsWithin(5, TimeUnit.SECONDS);
        assertThat(waiting).failsWithin(5, TimeUnit.SECONDS);
        List<String> left = List.of();
        int sockets = -1;
        for (int i = 0; i < 50; i++) { // bounded: 50 x 100 ms
            System.gc();
            left = new ArrayList<>();
            for (Thread t : selectorThreads()) if (!before.contains(t)) left.add(t.getName());
            sockets = openSockets();
            if (left.isEmpty() && sockets <= socketsBefore) break;
            Thread.sleep(100);
        }
        assertThat(left).as("selector threads left by a closed %s client", kind).isEmpty();
        assertThat(sockets).as("open sockets (client and simulator ends) after closing a %s client", kind).isLessThanOrEqualTo(socketsBefore);
        Reference.reachabilityFence(client); // the caller still holds its closed client
    }

    @Test
    void theTransportUsesTheRuntimesOwnShutdownWhereThereIsOne() {
        assertThat(JdkHttpTransport.runtimeClosesConnections()).isEqualTo(Runtime.version().feature() >= 21);
    }

    /** Open socket descriptors of this JVM (Linux), or -1 where /proc/self/fd cannot be read. */
    private static int openSockets() {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) return -1;
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(fds)) {
            for (Path fd : s) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) n++;
                } catch (IOException | UnsupportedOperationException closedMeanwhile) {
                    // gone while we looked
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return n;
    }

    private static Set<Thread> selectorThreads() {
        Set<Thread> out = new HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) out.add(t);
        }
        return out;
    }
}
