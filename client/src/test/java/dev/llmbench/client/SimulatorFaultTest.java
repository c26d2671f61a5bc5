package dev.llmbench.client;

import dev.llmbench.simulator.Simulator;
import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's injected faults and provider errors arrive as the right error class, on every transport. */
class SimulatorFaultTest {
    static Simulator sim;

    @BeforeAll
    static void start() {
        sim = Simulator.builder().defaultProfile("zero").set("zero.fault.stallMs", "4000").set("zero.fault.trickleMs", "300").start();
    }

    @AfterAll
    static void stop() { sim.close(); }

    static LlmClient client(TransportKind kind) {
        return SimulatorFixture.builder(sim, Listener.TLS, "zero").transport(kind).build();
    }

    /** Short limits; the first call of a JVM pays class loading and TLS set-up, so warm up until one succeeds. */
    static LlmClient impatientClient(TransportKind kind) {
        LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero").transport(kind)
                .firstByteTimeout(Duration.ofMillis(1500)).idleTimeout(Duration.ofMillis(1000)).requestTimeout(Duration.ofSeconds(10))
                .build();
        for (int i = 0; i < 5; i++) {
            try {
                client.stream(ChatRequest.of("gpt-4.1-nano", "warm-up").withMaxTokens(5), StreamListener.NONE).join();
                break;
            } catch (RuntimeException slowMachine) {
                // retry: only the warm-up is allowed to be slow
            }
        }
        return client;
    }

    @ParameterizedTest
    @EnumSource(value = TransportKind.class, names = {"NETTY_H2", "OKHTTP_H1"})
    void stallsHitTheRightTimeLimit(TransportKind kind) {
        try (LlmClient client = impatientClient(kind)) {
            Provider p = Provider.OPENAI;
            assertThat(failure(client.stream(fault(p, "stall-first-byte"), StreamListener.NONE)))
                    .isInstanceOfSatisfying(LlmException.Timeout.class, t -> assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.FIRST_BYTE));
            assertThat(failure(client.stream(fault(p, "stall-mid-stream"), StreamListener.NONE)))
                    .isInstanceOfSatisfying(LlmException.Timeout.class, t -> assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.IDLE));
        }
        // events 300 ms apart never trip the 1 s idle limit; the whole-request limit ends the trickle
        try (LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero").transport(kind)
                .idleTimeout(Duration.ofMillis(1000)).requestTimeout(Duration.ofMillis(2000)).build()) {
            assertThat(failure(client.stream(fault(Provider.OPENAI, "slow-trickle"), StreamListener.NONE)))
                    .isInstanceOfSatisfying(LlmException.Timeout.class, t -> assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.TOTAL));
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void theSimulatorsCertificateIsRefusedWithoutItsTruststore(TransportKind kind) {
        // TLS checks stay on: only an explicitly given truststore makes the self-signed certificate acceptable
        try (LlmClient client = LlmClient.builder().env(java.util.Map.of()).transport(kind)
                .apiKey(Provider.OPENAI, "sk-sim-openai-0123456789").baseUrl(Provider.OPENAI, sim.baseUrl(Listener.TLS, "zero", "v1"))
                .build()) {
            assertThat(failure(client.stream(ChatRequest.of("gpt-4.1-nano", "hi").withMaxTokens(5), StreamListener.NONE)))
                    .isInstanceOf(LlmException.Connection.class);
        }
    }

    static LlmException failure(CompletableFuture<ChatResponse> f) {
        try {
            f.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(LlmException.class);
            return (LlmException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    static ChatRequest fault(Provider p, String name) {
        return ChatRequest.of(SimulatorFixture.model(p), "hello").withMaxTokens(30).withHeader("x-sim-fault", name);
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void faults(TransportKind kind) {
        try (LlmClient client = client(kind)) {
            Provider p = Provider.OPENAI;
            assertThat(failure(client.stream(fault(p, "reset-mid-stream"), StreamListener.NONE))).isInstanceOf(LlmException.Connection.class);
            assertThat(failure(client.stream(fault(p, "truncate"), StreamListener.NONE))).isInstanceOf(LlmException.Protocol.class);
            assertThat(failure(client.stream(fault(p, "malformed-chunk"), StreamListener.NONE))).isInstanceOf(LlmException.Protocol.class);
            assertThat(failure(client.stream(fault(p, "http-500"), StreamListener.NONE))).isInstanceOf(LlmException.ServerError.class);
            assertThat(failure(client.stream(fault(p, "http-503"), StreamListener.NONE))).isInstanceOf(LlmException.Overloaded.class);
            assertThat(failure(client.stream(fault(p, "overloaded"), StreamListener.NONE)))
                    .isInstanceOfSatisfying(LlmException.Overloaded.class, o -> assertThat(o.status()).isEqualTo(529));
            assertThat(failure(client.stream(fault(p, "error-event"), StreamListener.NONE))).isInstanceOf(LlmException.ServerError.class);
            LlmException limited = failure(client.stream(fault(p, "rate-limit"), StreamListener.NONE));
            assertThat(limited).isInstanceOfSatisfying(LlmException.RateLimited.class, r -> {
                assertThat(r.status()).isEqualTo(429);
                assertThat(r.retryAfter()).isNotNull().isPositive();
            });
            // After all that, the same client still serves requests.
            assertThat(client.stream(ChatRequest.of("gpt-4.1-nano", "hi").withMaxTokens(10), StreamListener.NONE).join().text()).isNotBlank();
        }
    }

    @Test
    void providerErrorsAreTypedPerFormat() {
        try (LlmClient client = client(TransportKind.NETTY_H2)) {
            assertThat(failure(client.complete(fault(Provider.ANTHROPIC, "overloaded"))))
                    .isInstanceOfSatisfying(LlmException.Overloaded.class, o -> assertThat(o.status()).isEqualTo(529));
            for (Provider p : Provider.values()) {
                LlmException rl = failure(client.stream(fault(p, "rate-limit"), StreamListener.NONE));
                assertThat(rl).as(p.name()).isInstanceOfSatisfying(LlmException.RateLimited.class,
                        r -> assertThat(r.retryAfter()).as(p + " retryAfter").isNotNull());
            }
        }
        String badKey = "bad-key-for-test-987654321";
        try (LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero").apiKey(Provider.OPENAI, badKey).build()) {
            LlmException auth = failure(client.complete(ChatRequest.of("gpt-4.1-nano", "hi")));
            assertThat(auth).isInstanceOf(LlmException.Auth.class);
            assertThat(auth.status()).isEqualTo(401);
            assertThat(String.valueOf(auth.body()) + auth.getMessage()).doesNotContain(badKey);
        }
        try (LlmClient client = SimulatorFixture.builder(sim, Listener.TLS, "zero")
                .baseUrl(Provider.OPENAI, sim.baseUrl(Listener.TLS, "zero", "v9")).build()) {
            LlmException notFound = failure(client.complete(ChatRequest.of("gpt-4.1-nano", "hi")));
            assertThat(notFound).isInstanceOf(LlmException.BadRequest.class);
            assertThat(notFound.status()).isEqualTo(404);
        }
    }
}
