package dev.llmbench.bench.path.library;

import dev.llmbench.bench.load.ExactServer;
import dev.llmbench.bench.load.LoadDriver;
import dev.llmbench.bench.load.LoadPlan;
import dev.llmbench.bench.load.Progress;
import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.load.RequestFactory;
import dev.llmbench.bench.model.CellMeasurement;
import dev.llmbench.bench.model.RequestRecord;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.report.RequestsJsonl;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.Provider;
import dev.llmbench.client.TransportKind;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path of the {@code path} sweep puts the driver's {@code x-request-id} on the wire: the reference client, the
 * OpenAI SDK (default and tuned) and LangChain4j, driven by {@link LoadDriver} against {@link ExactServer} (OpenAI's
 * wire format), which keeps each request's header. The Anthropic and Gemini adapters pass a request's headers the
 * same way, which {@link PathClientsTest}'s forced 429s ({@code x-sim-fault}) rely on.
 */
class RequestIdOnEveryPathTest {
    @TempDir
    Path dir;

    static Stream<Named<ClientPath>> paths() { return LibraryClientPath.all().stream().map(p -> Named.of(p.id(), p)); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void everyPathSendsTheRequestId(ClientPath path) throws Exception {
        RequestFactory requests = (i, warmup) -> Prompts.request("gpt-4.1-nano", null, i, 64);
        try (ExactServer server = new ExactServer(ExactServer.Schedule.of(5, 1, 0, List.of(3)))) {
            Endpoint e = new Endpoint("openai", Provider.OPENAI, "gpt-4.1-nano", server.baseUrl(), "sk-exact-test", null, null, false, null);
            CellMeasurement m;
            try (PathSession session = path.open(new SessionSpec(e, TransportKind.OKHTTP_H1, 2, false, null))) {
                m = new LoadDriver(Progress.NONE, 120).run(session, requests, new LoadPlan(4, 2, 2, null, 1), dir.resolve("cell.hlog"));
            }
            List<RequestRecord> records = RequestsJsonl.read(dir.resolve("cell" + RequestsJsonl.SUFFIX));

            assertThat(m.outcomes().ok()).isEqualTo(4);
            assertThat(records).hasSize(6).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(RequestRecord.Outcome.OK));
            assertThat(server.requestIds()).as("x-request-id of every request the server received")
                    .containsExactlyInAnyOrderElementsOf(records.stream().map(RequestRecord::requestId).toList())
                    .contains("cell:w0", "cell:w1", "cell:m0", "cell:m3");
        }
    }
}
