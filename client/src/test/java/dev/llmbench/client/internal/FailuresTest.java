package dev.llmbench.client.internal;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.internal.transport.ConnectTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a transport reports, mapped to the error class the harness counts. */
class FailuresTest {
    private static final Duration CONNECT = Duration.ofMillis(1234);

    @Test
    void anLlmExceptionIsKeptAsItIsThroughAnyWrapping() {
        LlmException rl = new LlmException.RateLimited("429", 429, null, null, null);
        assertThat(Failures.classify(rl, CONNECT)).isSameAs(rl);
        assertThat(Failures.classify(new CompletionException(new ExecutionException(rl)), CONNECT)).isSameAs(rl);
    }

    @Test
    void aConnectTimeoutIsATimeoutOfTheConnectPhaseWithTheConfiguredLimit() {
        LlmException e = Failures.classify(new CompletionException(new ConnectTimeoutException(new IOException("slow"))), CONNECT);
        assertThat(e).isInstanceOfSatisfying(LlmException.Timeout.class, t -> {
            assertThat(t.phase()).isEqualTo(LlmException.Timeout.Phase.CONNECT);
            assertThat(t.limit()).isEqualTo(CONNECT);
        });
    }

    @Test
    void cancellationIsCancelled() {
        assertThat(Failures.classify(new CancellationException(), CONNECT)).isInstanceOf(LlmException.Cancelled.class);
    }

    @Test
    void ioAndOtherCheckedFailuresAreConnectionErrorsNamingTheirCause() {
        ConnectException refused = new ConnectException("Connection refused");
        LlmException io = Failures.classify(refused, CONNECT);
        assertThat(io).isInstanceOf(LlmException.Connection.class).hasMessage("ConnectException: Connection refused").hasCause(refused);
        LlmException checked = Failures.classify(new ExecutionException(new TimeoutException()), CONNECT);
        assertThat(checked).isInstanceOf(LlmException.Connection.class).hasMessage("TimeoutException");
    }

    @Test
    void anUncheckedFailureIsAProtocolError() {
        IllegalStateException bug = new IllegalStateException("boom");
        LlmException e = Failures.classify(bug, CONNECT);
        assertThat(e).isInstanceOf(LlmException.Protocol.class)
                .hasMessage("unexpected failure while handling the response: IllegalStateException: boom").hasCause(bug);
        assertThat(e.status()).isZero();
        // a wrapper without a cause is not unwrapped further
        assertThat(Failures.classify(new CompletionException(null, null), CONNECT)).isInstanceOf(LlmException.Protocol.class);
    }
}
