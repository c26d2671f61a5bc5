package dev.llmbench.client.internal;

import dev.llmbench.client.LlmException;
import dev.llmbench.client.internal.transport.ConnectTimeoutException;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps what a transport reported to the client's error classes. */
final class Failures {
    private Failures() {}

    static LlmException classify(Throwable t, Duration connectTimeout) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        if (t instanceof LlmException e) return e;
        if (t instanceof ConnectTimeoutException) return new LlmException.Timeout(LlmException.Timeout.Phase.CONNECT, connectTimeout);
        if (t instanceof CancellationException) return new LlmException.Cancelled();
        if (t instanceof IOException || t instanceof Exception && !(t instanceof RuntimeException)) {
            // I/O errors, resets (OkHttp StreamResetException, Netty Http2Exception), TLS failures, refused connects
            return new LlmException.Connection(describe(t), t);
        }
        return new LlmException.Protocol("unexpected failure while handling the response: " + describe(t), 0, t);
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
