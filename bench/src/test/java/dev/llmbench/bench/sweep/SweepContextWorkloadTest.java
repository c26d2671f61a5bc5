package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.load.RequestFactory;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.PathSession;
import dev.llmbench.bench.path.SessionSpec;
import dev.llmbench.bench.sweep.catalog.Catalog;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.workload.Workload;
import dev.llmbench.bench.workload.WorkloadRequests;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ModelRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the cells of a sweep send, with and without the workload options (no network: a fake target and path). */
class SweepContextWorkloadTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private record FakeTarget(boolean simulated) implements Target {
        @Override
        public Optional<Endpoint> endpoint(String provider, boolean tls) {
            String model = switch (provider) {
                case "openai" -> "gpt-4.1-nano";
                case "anthropic" -> "claude-haiku-4-5";
                case "gemini" -> "gemini/gemini-3-flash";
                case "together" -> "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo";
                default -> "my-model";
            };
            return Optional.of(new Endpoint(provider, ModelRouter.route(model), model, "http://127.0.0.1:9/" + provider + "/v1",
                    "sim-key-fake", null, null, false, provider));
        }

        @Override public String unavailableReason(String provider) { return ""; }

        @Override public Map<String, String> provenance() { return Map.of("target", "fake"); }

        @Override public void close() {}
    }

    private static final class NoPath implements ClientPath {
        @Override public String id() { return "ref"; }

        @Override public PathSession open(SessionSpec spec) { throw new UnsupportedOperationException("not run here"); }
    }

    private SweepContext context(Map<String, String> options, boolean simulated) {
        SweepOptions o = SweepOptions.parse(options);
        return new SweepContext(o, new FakeTarget(simulated), new NoPath(), out, Workload.of(o, dir));
    }

    private static List<SweepSection> sections(String sweep, SweepContext ctx) {
        return ((CellSweep) Catalog.named(sweep)).sections(ctx);
    }

    private static RequestFactory requests(CellSpec c) { return c.requests().apply(0); }

    @Test
    void withoutWorkloadOptionsEveryCellSendsTheRequestsItAlwaysSent() {
        SweepContext ctx = context(Map.of(), true);
        List<SweepSection> concurrency = sections("concurrency", ctx);
        assertThat(concurrency.get(0).cells()).hasSize(4 * 4);
        for (CellSpec c : concurrency.get(0).cells()) {
            assertThat(c.requests()).isInstanceOf(WorkloadRequests.class);
            for (int repeat = 0; repeat < 2; repeat++) {
                for (int i = 0; i < 40; i++) {
                    String model = c.endpoint().model();
                    assertThat(c.requests().apply(repeat).request(i, false)).isEqualTo(Prompts.request(model, null, i, 256));
                    assertThat(c.requests().apply(repeat).request(i, true)).isEqualTo(Prompts.request(model, null, 1_000_000 + i, 256));
                }
            }
        }
        for (CellSpec c : sections("prompt-length", ctx).get(0).cells()) {
            String system = c.key().variant().equals("short") ? Prompts.SHORT_SYSTEM : Prompts.LONG_SYSTEM;
            assertThat(requests(c).request(3, false)).isEqualTo(Prompts.request(c.endpoint().model(), system, 3, 256));
        }
        assertThat(ctx.ownPromptsNote(sections("prompt-length", ctx))).isEmpty();
        assertThat(Provenance.workload(ctx.options(), true, concurrency.get(0).cells())).isEmpty();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aDatasetsPromptsAreWhatThePlainCellsSend() throws Exception {
        Path data = Files.writeString(dir.resolve("d.jsonl"), "{\"prompt\": \"alpha\", \"max_tokens\": 7}\n"
                + "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}, {\"role\": \"user\", \"content\": \"beta\"}]}\n"
                + "{\"prompt\": \"gamma\", \"max_tokens\": 9}\n");
        SweepContext ctx = context(Map.of("dataset", data.getFileName().toString(), "provider", "openai,together"), true);

        for (String sweep : List.of("concurrency", "transport", "path", "aimd")) {
            for (CellSpec c : sections(sweep, ctx).get(0).cells()) {
                Set<String> sent = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    ChatRequest r = requests(c).request(i, false);
                    String user = r.messages().get(0).content();
                    sent.add(user);
                    assertThat(r.model()).isEqualTo(c.endpoint().model());
                    switch (user) {
                        case "alpha" -> assertThat(r.maxTokens()).isEqualTo(7);
                        case "beta" -> {
                            assertThat(r.system()).isEqualTo("Be brief.");
                            assertThat(r.maxTokens()).isEqualTo(256);
                        }
                        case "gamma" -> assertThat(r.maxTokens()).isEqualTo(9);
                        default -> throw new AssertionError(sweep + " sent " + user);
                    }
                }
                assertThat(sent).as(sweep + " " + c.key().slug()).containsExactlyInAnyOrder("alpha", "beta", "gamma");
            }
        }
        // prompt-length measures its system prompt: it keeps its own prompts, and the run says so once
        List<SweepSection> own = sections("prompt-length", ctx);
        for (CellSpec c : own.get(0).cells()) {
            assertThat(c.requests()).isNotInstanceOf(WorkloadRequests.class);
            assertThat(requests(c).request(0, false).messages().get(0).content()).startsWith("Request 0: ");
        }
        List<SweepSection> both = new ArrayList<>(sections("concurrency", ctx));
        both.addAll(own);
        assertThat(ctx.ownPromptsNote(both)).contains("-Ddataset not used by section prompt-length: it sends prompts of its own with -DmaxTokens");

        Map<String, String> lines = Provenance.workload(ctx.options(), true, both.get(0).cells());
        assertThat(lines).containsEntry("dataset", "d.jsonl").containsKey("dataset sha256").containsKey("input tokens");
        assertThat(Provenance.workload(ctx.options(), true, own.get(0).cells()))
                .containsOnlyKeys("prompts").containsValue("the section's own, with -DmaxTokens (it does not use -Ddataset)");
    }

    @Test
    void exactOutputIsSentWhereTheServerCanForceTheLengthAndSaidOnceWhereItCannot() {
        SweepContext live = context(Map.of("exactOutput", "true", "target", "live", "provider", "openai,anthropic"), false);
        List<SweepSection> s = new ArrayList<>(sections("concurrency", live));
        s.addAll(sections("concurrency", live)); // asked twice: still one line per provider
        for (SweepSection section : s) {
            for (CellSpec c : section.cells()) assertThat(requests(c).request(0, false).extra()).isEmpty();
        }
        List<String> said = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(said).containsExactly(
                "-DexactOutput=true: openai has no way to force the output length (no ignore_eos or min_tokens); its output lengths stay the model's choice, capped by max_tokens",
                "-DexactOutput=true: anthropic has no way to force the output length (no ignore_eos or min_tokens); its output lengths stay the model's choice, capped by max_tokens");
        assertThat(Provenance.workload(live.options(), false, s.get(0).cells()).get("exact output"))
                .isEqualTo("not possible for openai, anthropic: the model's own lengths");

        bytes.reset();
        SweepContext sim = context(Map.of("exactOutput", "true", "provider", "openai,anthropic,together"), true);
        List<CellSpec> cells = sections("concurrency", sim).get(0).cells();
        for (CellSpec c : cells) {
            ChatRequest r = requests(c).request(0, false);
            if (c.key().provider().equals("anthropic")) assertThat(r.extra()).isEmpty();
            else assertThat(r.extra()).isEqualTo(Map.of("ignore_eos", true, "min_tokens", 256));
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).singleElement().asString().contains("anthropic has no way");
        assertThat(Provenance.workload(sim.options(), true, cells).get("exact output"))
                .startsWith("ignore_eos=true, min_tokens=max_tokens sent to openai, together (the simulator does not read them")
                .endsWith("; not possible for anthropic: the model's own lengths");

        bytes.reset();
        SweepContext baseUrl = context(Map.of("exactOutput", "true", "target", "http://127.0.0.1:8000/v1", "model", "my-model",
                "outputTokens", "fixed:40"), false);
        CellSpec generic = sections("concurrency", baseUrl).get(0).cells().get(0);
        assertThat(generic.key().provider()).isEqualTo("generic");
        assertThat(requests(generic).request(0, false).extra()).isEqualTo(Map.of("ignore_eos", true, "min_tokens", 40));
        assertThat(requests(generic).request(0, false).maxTokens()).isEqualTo(40);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
