package dev.llmbench.bench.load;

import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.KeyMask;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.Tokens;
import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.ErrorMessage;
import dev.llmbench.bench.model.Outcomes;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.bench.report.JsonReport;
import dev.llmbench.bench.report.LessonsTables;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each cell says what its errors were: distinct messages per error class, bounded, keys masked, in JSON and tables. */
class ErrorMessagesTest {
    private static final String KEY = "sk-FAKE-soak-7d3f9a1c2b5e";

    @TempDir
    Path dir;

    @Test
    void messagesAreCountedPerClassMostFrequentFirstWithTheRestAsOther() throws Exception {
        // 70 requests: 20 resets, 10 resets with a root cause, 10 leaking the key, 20 AUTH in 10 distinct messages, 10 ok
        Throwable[] rotation = new Throwable[7];
        rotation[0] = new LlmException.Connection("StreamResetException: stream was reset: CANCEL", null);
        rotation[1] = new LlmException.Connection("StreamResetException: stream was reset: CANCEL", null);
        rotation[2] = new LlmException.Connection("IOException: closed",
                new IOException("closed", new SocketException("Connection reset by peer, port 54321")));
        rotation[3] = new LlmException.Connection("IOException: refused for key " + KEY, null); // a library that leaks
        Outcomes o;
        try (FakeSession fake = new FakeSession(1, n -> n % 7 == 4 || n % 7 == 5 ? auth(n) : rotation[n % 7]);
             PathSession session = masking(fake, KeyMask.of(new Endpoint("openai", Provider.OPENAI, "m", null, KEY, null, null, false, null)))) {
            o = new LoadDriver(Progress.NONE, 60).run(session, (i, w) -> Prompts.request("m", null, i, 8),
                    new LoadPlan(70, 0, 4, null, 1), dir.resolve("c.hlog")).outcomes();
        }
        assertThat(o.count("CONNECTION")).isEqualTo(40);
        assertThat(o.messages("CONNECTION")).containsExactly(
                new ErrorMessage("StreamResetException: stream was reset: CANCEL", 20),
                new ErrorMessage("IOException: closed (cause: SocketException: Connection reset by peer, port #)", 10),
                new ErrorMessage("IOException: refused for key " + KeyMask.MASK, 10));
        List<ErrorMessage> auth = o.messages("AUTH");
        assertThat(auth).hasSize(ErrorMessages.TOP + 1);
        assertThat(auth.get(ErrorMessages.TOP).message()).isEqualTo(Outcomes.OTHER_MESSAGES);
        assertThat(auth.stream().mapToLong(ErrorMessage::count).sum()).isEqualTo(o.count("AUTH")).isEqualTo(20);

        // in results.json (read back whole) and in the soak table, never with the key
        CellResult cell = CellResult.of(new CellKey("openai", "ref", "okhttp-h2", 4, "soak-1s", 0), new CellMeasurement(1, Double.NaN, o,
                Tokens.NONE, Map.of(), Map.of(), null, null, null, Double.NaN, -1, Map.of(), List.of()), null, "c.hlog", null);
        SweepResult sweep = new SweepResult("soak", "Soak", Map.of(), true, List.of(cell));
        Path json = dir.resolve("results.json");
        Files.writeString(json, JsonReport.render(sweep));
        assertThat(Files.readString(json)).contains("\"messages\"", "stream was reset: CANCEL").doesNotContain(KEY);
        assertThat(JsonReport.read(json).cells().get(0).outcomes()).isEqualTo(o);
        String table = LessonsTables.render(sweep);
        assertThat(table).contains("Errors by message: AUTH 20: ", "CONNECTION 40: 20× \"StreamResetException: stream was reset: CANCEL\"")
                .doesNotContain(KEY);
        String faults = LessonsTables.render(new SweepResult("faults", "Faults", Map.of(), true, List.of(cell, cell)));
        assertThat(faults).contains("- CONNECTION on okhttp-h2 80: 40× \"StreamResetException: stream was reset: CANCEL\"");
    }

    @Test
    void distinctMessagesAreBoundedAndLongOnesCut() {
        ErrorMessages m = new ErrorMessages();
        for (int i = 0; i < 3 * ErrorMessages.MAX_DISTINCT; i++) {
            m.record("CONNECTION", new LlmException.Connection("reset " + "x".repeat(i % 100) + " " + "y".repeat(300), null), UnaryOperator.identity());
        }
        List<ErrorMessage> top = m.top().get("CONNECTION");
        assertThat(top).hasSize(ErrorMessages.TOP + 1);
        assertThat(top).allMatch(e -> e.message().length() <= ErrorMessages.MAX_LENGTH);
        assertThat(top.stream().mapToLong(ErrorMessage::count).sum()).isEqualTo(3L * ErrorMessages.MAX_DISTINCT);
    }

    @Test
    void messagesThatDoNotAddUpToTheirClassAreRejected() {
        assertThatThrownBy(() -> new Outcomes(3, 1, 0, Map.of("CONNECTION", 2L), 0, 0,
                Map.of("CONNECTION", List.of(new ErrorMessage("reset", 1)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CONNECTION");
    }

    private static Throwable auth(int n) { return new LlmException.Auth("HTTP 401: key number " + (n % 10) + " refused", 401, null); }

    private static PathSession masking(PathSession inner, UnaryOperator<String> mask) {
        return new PathSession() {
            @Override
            public CompletableFuture<ChatResponse> stream(ChatRequest request, StreamListener listener) { return inner.stream(request, listener); }

            @Override
            public String redact(String text) { return mask.apply(text); }

            @Override
            public void close() { inner.close(); }
        };
    }
}
