package dev.llmbench.bench.workload;

import dev.llmbench.bench.cli.LengthDistribution;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.load.Prompts;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {
    private static final String MODEL = "gpt-4.1-nano";

    @TempDir
    Path dir;

    private static Dataset shareGpt() throws Exception {
        return Dataset.load(DatasetReadersTest.SHAREGPT, "sharegpt.json", "sharegpt.json");
    }

    /** A JSONL dataset of {@code n} prompts "prompt k" (k = 0..n-1), each with max_tokens 10 + k. */
    private Dataset numbered(int n) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) sb.append("{\"prompt\": \"prompt ").append(k).append("\", \"max_tokens\": ").append(10 + k).append("}\n");
        Path f = Files.writeString(dir.resolve("n" + n + ".jsonl"), sb.toString());
        return Dataset.load(f, f.toString(), "n.jsonl");
    }

    private static String user(ChatRequest r) { return r.messages().get(r.messages().size() - 1).content(); }

    @Test
    void theBuiltInWorkloadSendsTheRequestsSentBeforeTheOptionsExisted() {
        Workload w = Workload.builtIn(256);
        assertThat(w.builtIn()).isTrue();
        assertThat(w.provenance()).isEmpty();
        assertThat(w.request(MODEL, true, 0, false)).isEqualTo(new ChatRequest(MODEL, null,
                List.of(Message.user("Request 0: explain in a short paragraph why latency matters when benchmarking an LLM API.")),
                256, null, null, Map.of()));
        assertThat(user(w.request(MODEL, true, 2, true)))
                .isEqualTo("Request 1000002: explain in a short paragraph why stream matters when benchmarking an LLM API.");
        for (int i = 0; i < 50; i++) {
            assertThat(w.request(MODEL, true, i, false)).isEqualTo(Prompts.request(MODEL, null, i, 256));
            assertThat(w.request(MODEL, true, i, true)).isEqualTo(Prompts.request(MODEL, null, Workload.WARMUP_INDEX + i, 256));
        }
    }

    @Test
    void defaultOptionsMakeTheBuiltInWorkload() {
        Workload w = Workload.of(SweepOptions.parse(Map.of("maxTokens", "99")), dir);
        assertThat(w.builtIn()).isTrue();
        assertThat(w.request(MODEL, false, 7, false)).isEqualTo(Prompts.request(MODEL, null, 7, 99));
    }

    @Test
    void aDatasetsPromptsAreSentInASeededShuffleThatVisitsEveryEntryBeforeRepeating() throws Exception {
        Dataset d = numbered(10);
        Workload w = new Workload(d, null, null, false, 256, 42);
        List<String> first = IntStream.range(0, 10).mapToObj(i -> user(w.request(MODEL, false, i, false))).toList();
        assertThat(first).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).mapToObj(k -> "prompt " + k).toList());
        assertThat(first).as("shuffled, not file order").isNotEqualTo(IntStream.range(0, 10).mapToObj(k -> "prompt " + k).toList());
        for (int i = 10; i < 30; i++) assertThat(user(w.request(MODEL, false, i, false))).isEqualTo(first.get(i % 10));

        // the entry's max_tokens goes with its prompt
        for (int i = 0; i < 10; i++) {
            ChatRequest r = w.request(MODEL, false, i, false);
            int k = Integer.parseInt(user(r).substring("prompt ".length()));
            assertThat(r.maxTokens()).isEqualTo(10 + k);
            assertThat(r.extra()).isEmpty();
            assertThat(r.model()).isEqualTo(MODEL);
        }

        Workload again = new Workload(numbered(10), null, null, false, 256, 42);
        assertThat(IntStream.range(0, 10).mapToObj(i -> user(again.request(MODEL, false, i, false))).toList()).isEqualTo(first);
        Workload otherSeed = new Workload(d, null, null, false, 256, 43);
        assertThat(IntStream.range(0, 10).mapToObj(i -> user(otherSeed.request(MODEL, false, i, false))).toList()).isNotEqualTo(first);
    }

    @Test
    void shareGptEntriesKeepTheirSystemPromptAndFallBackToMaxTokens() throws Exception {
        Workload w = new Workload(shareGpt(), null, null, false, 77, 1);
        Set<String> users = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ChatRequest r = w.request(MODEL, false, i, false);
            users.add(user(r));
            switch (user(r)) {
                case "What is the capital of France? Answer briefly." -> assertThat(r.maxTokens()).isEqualTo(8);
                case "Name three primary colours." -> {
                    assertThat(r.system()).isEqualTo("You are terse.");
                    assertThat(r.maxTokens()).isEqualTo(15);
                }
                case "Write a haiku about tail latency." -> assertThat(r.maxTokens()).as("no gpt turn: -DmaxTokens").isEqualTo(77);
                default -> throw new AssertionError(user(r));
            }
        }
        assertThat(users).hasSize(3);
    }

    @Test
    void warmUpRequestsNeverEqualNorShareAPrefixWithMeasuredOnes() throws Exception {
        Dataset d = numbered(4); // smaller than the cell: the same entries must come round in both phases
        Workload w = new Workload(d, null, null, false, 256, 42);
        Set<String> measured = new HashSet<>();
        for (int i = 0; i < 8; i++) measured.add(user(w.request(MODEL, false, i, false)));
        for (int i = 0; i < 8; i++) {
            String warm = user(w.request(MODEL, false, i, true));
            assertThat(warm).startsWith("Warm-up " + i + ".\n");
            assertThat(measured).allSatisfy(m -> assertThat(warm.charAt(0)).isNotEqualTo(m.charAt(0)));
        }
        // warm-up walks the shuffle from the other end: its first entry is the measured walk's last
        String lastMeasured = user(w.request(MODEL, false, 3, false));
        assertThat(user(w.request(MODEL, false, 0, true))).isEqualTo("Warm-up 0.\n" + lastMeasured);

        Workload withSystem = new Workload(shareGpt(), null, null, false, 256, 1);
        for (int i = 0; i < 3; i++) {
            ChatRequest r = withSystem.request(MODEL, false, i, true);
            if (r.system() != null) {
                assertThat(r.system()).isEqualTo("Warm-up " + i + ".\nYou are terse.");
                assertThat(user(r)).isEqualTo("Name three primary colours."); // the tag leads the request once
            } else {
                assertThat(user(r)).startsWith("Warm-up " + i + ".\n");
            }
        }
    }

    @Test
    void outputTokensDrawMaxTokensPerRequestReproduciblyAndOverrideTheDataset() throws Exception {
        LengthDistribution u = LengthDistribution.parse("uniform:100-200");
        Workload w = new Workload(numbered(5), null, u, false, 256, 42);
        int[] max = IntStream.range(0, 200).map(i -> w.request(MODEL, false, i, false).maxTokens()).toArray();
        assertThat(IntStream.of(max).boxed().toList()).allMatch(m -> m >= 100 && m <= 200);
        assertThat(IntStream.of(max).distinct().count()).isGreaterThan(20);
        Workload same = new Workload(numbered(5), null, u, false, 256, 42);
        assertThat(IntStream.range(0, 200).map(i -> same.request(MODEL, false, i, false).maxTokens()).toArray()).isEqualTo(max);
        // request i's draw is its own: asking in another order changes nothing
        assertThat(same.request(MODEL, false, 150, false).maxTokens()).isEqualTo(max[150]);
        int[] warm = IntStream.range(0, 200).map(i -> w.request(MODEL, false, i, true).maxTokens()).toArray();
        assertThat(warm).as("warm-up draws from its own stream").isNotEqualTo(max);
    }

    @Test
    void inputTokensMakeSyntheticPromptsOfTheDrawnLength() {
        Workload fixed = new Workload(null, LengthDistribution.parse("fixed:300"), null, false, 64, 42);
        for (int i = 0; i < 20; i++) {
            ChatRequest r = fixed.request(MODEL, false, i, false);
            assertThat(user(r)).hasSize(1200).startsWith("Request " + i + ": ");
            assertThat(TokenEstimate.ofPrompt(r.system(), r.messages())).isEqualTo(300);
            assertThat(r.maxTokens()).isEqualTo(64);
            assertThat(r.system()).isNull();
        }
        assertThat(user(fixed.request(MODEL, false, 3, true))).startsWith("Request " + (Workload.WARMUP_INDEX + 3) + ": ");

        Workload uniform = new Workload(null, LengthDistribution.parse("uniform:50-60"), LengthDistribution.parse("fixed:9"), false, 64, 42);
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ChatRequest r = uniform.request(MODEL, false, i, false);
            int tokens = TokenEstimate.of(user(r));
            assertThat(tokens).isBetween(50, 60);
            lengths.add(tokens);
            assertThat(r.maxTokens()).isEqualTo(9);
        }
        assertThat(lengths).hasSize(11);
    }

    @Test
    void exactOutputAddsIgnoreEosAndMinTokensOnlyWhereTheEndpointCan() throws Exception {
        Workload w = new Workload(numbered(3), null, null, true, 256, 42);
        ChatRequest forced = w.request(MODEL, true, 0, false);
        assertThat(forced.extra()).containsExactlyInAnyOrderEntriesOf(Map.of("ignore_eos", true, "min_tokens", forced.maxTokens()));
        assertThat(w.request(MODEL, false, 0, false).extra()).isEmpty();
        assertThat(w.builtIn()).isFalse();

        Workload builtInExact = new Workload(null, null, null, true, 33, 42);
        assertThat(builtInExact.request(MODEL, true, 5, false))
                .isEqualTo(Prompts.request(MODEL, null, 5, 33).withExtra(Map.of("ignore_eos", true, "min_tokens", 33)));
    }

    @Test
    void provenanceNamesTheDatasetItsHashAndItsLengths() throws Exception {
        Dataset d = shareGpt();
        Map<String, String> p = new Workload(d, null, null, false, 256, 42).provenance();
        assertThat(p).containsEntry("dataset", "sharegpt.json").containsEntry("dataset sha256", DatasetReadersTest.sha256(DatasetReadersTest.SHAREGPT))
                .containsEntry("dataset entries", "3 used of 6 (3 skipped: 2 no human turn, 1 empty prompt); JSON list (ShareGPT)")
                .containsEntry("max tokens", "per request: the dataset entry's, else 256");
        assertThat(p.get("input tokens")).contains("mean 10.7, p50 11, p90 12, max 12 (3 entries)");
        assertThat(p.get("output tokens")).contains("mean 11.5, p50 8, p90 15, max 15 (2 entries)").contains("1 entry gives none: max_tokens 256");
        assertThat(p.get("prompt order")).contains("seed 42");

        Map<String, String> synthetic = new Workload(null, LengthDistribution.parse("normal:500,50"), LengthDistribution.parse("uniform:10-20"),
                false, 256, 7).provenance();
        assertThat(synthetic.get("input tokens")).startsWith("-DinputTokens=normal:500,50: synthetic prompts");
        assertThat(synthetic.get("output tokens")).startsWith("-DoutputTokens=uniform:10-20");
        assertThat(synthetic.get("max tokens")).startsWith("per request: -DoutputTokens=uniform:10-20");
    }

    @Test
    void optionsThatContradictEachOtherOrAFileThatIsNotThereAreBadInput() throws Exception {
        Path f = Files.writeString(dir.resolve("p.jsonl"), "{\"prompt\": \"a\"}\n");
        assertThatThrownBy(() -> Workload.of(SweepOptions.parse(Map.of("dataset", f.toString(), "inputTokens", "fixed:5")), dir))
                .isInstanceOf(OptionException.class).hasMessageContaining("-DinputTokens=fixed:5").hasMessageContaining("not with -Ddataset");
        assertThatThrownBy(() -> Workload.of(SweepOptions.parse(Map.of("dataset", "no/such.json")), dir))
                .isInstanceOf(OptionException.class).hasMessageContaining("-Ddataset=no/such.json").hasMessageContaining("an existing, readable file");
        Path broken = Files.writeString(dir.resolve("b.jsonl"), "{\"prompt\": \"a\"}\n{\"prompt\": 5}\n");
        assertThatThrownBy(() -> Workload.of(SweepOptions.parse(Map.of("dataset", "b.jsonl")), dir))
                .isInstanceOf(OptionException.class).hasMessage("-Ddataset=b.jsonl is not valid; valid: a ShareGPT JSON list or a JSONL file"
                        + " (b.jsonl:2: \"prompt\" is not a string but a number)");
        assertThat(Files.exists(broken)).isTrue();

        Workload ok = Workload.of(SweepOptions.parse(Map.of("dataset", "p.jsonl", "outputTokens", "fixed:12", "seed", "5")), dir);
        assertThat(ok.dataset()).map(Dataset::path).contains("p.jsonl");
        assertThat(ok.request(MODEL, false, 0, false).maxTokens()).isEqualTo(12);
    }

    @Test
    void theReportNeverNamesAnAbsolutePathOutsideTheRepository() {
        Path root = dir.resolve("repo");
        assertThat(Workload.recordedPath("data/s.json", root.resolve("data/s.json"), root)).isEqualTo("data/s.json");
        assertThat(Workload.recordedPath(root.resolve("data/s.json").toString(), root.resolve("data/s.json"), root))
                .isEqualTo(Path.of("data", "s.json").toString());
        assertThat(Workload.recordedPath("/home/someone/s.json", Path.of("/home/someone/s.json"), root))
                .isEqualTo("s.json (outside the repository)");
    }
}
