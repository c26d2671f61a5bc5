package dev.llmbench.bench.workload;

import dev.llmbench.bench.cli.LengthDistribution;
import dev.llmbench.bench.cli.OptionException;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.load.RequestFactory;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the plain cells of a run send: {@code -Ddataset}, {@code -DinputTokens}, {@code -DoutputTokens},
 * {@code -DexactOutput} and {@code -DmaxTokens} made into requests.
 *
 * <p>Request {@code i} of a cell (0-based, measured or warm-up) is:
 * <ul>
 *   <li><b>prompt</b>: with a dataset, entry {@code order[i mod N]} of a shuffle of its N entries seeded by
 *       {@code -Dseed} (every entry is sent once before any is sent again); with {@code -DinputTokens}, a
 *       {@link SyntheticPrompt} of a length drawn for {@code i}; else the built-in {@link Prompts#user} prompt.</li>
 *   <li><b>max_tokens</b>: drawn for {@code i} from {@code -DoutputTokens} if given, else the dataset entry's length
 *       if it gives one, else {@code -DmaxTokens}.</li>
 *   <li><b>exact output</b>: with {@code -DexactOutput=true} and an endpoint that can ({@link ExactOutput}),
 *       {@code ignore_eos} and {@code min_tokens = max_tokens}.</li>
 * </ul>
 * Every draw depends only on (seed, i): two runs with the same seed send the same requests, and so do every cell and
 * repeat of a run (a cell's repeat does not change them), so cells compare the same workload. Warm-up requests draw
 * from streams of their own: their dataset entries come from the other end of the shuffle, led by
 * {@code Warm-up <i>.} (before the system prompt, or the first message), so a warm-up request never equals a
 * measured one nor shares a prefix with it, even when the dataset is smaller than the cell; synthetic warm-up prompts
 * are those of index {@link #WARMUP_INDEX} + i, as ever.
 *
 * <p>With none of the four options (the {@linkplain #builtIn() built-in} workload) the requests are exactly those
 * sent before the options existed: {@code Prompts.request(model, null, i, maxTokens)}, warm-up
 * {@code Prompts.request(model, null, WARMUP_INDEX + i, maxTokens)}.
 */
public final class Workload {
    /** Warm-up requests get their own messages, so they never share a cache entry with measured ones. */
    public static final int WARMUP_INDEX = 1_000_000;

    private final Dataset dataset;
    private final int[] order;
    private final LengthDistribution input;
    private final LengthDistribution output;
    private final boolean exactOutput;
    private final int maxTokens;
    private final long seed;

    /**
     * @param dataset     the prompts, or null for synthetic ones
     * @param input       synthetic prompt lengths, or null for the built-in prompts (not with a dataset)
     * @param output      max_tokens per request, or null for the dataset's, else {@code maxTokens}
     * @param exactOutput force each answer to its max_tokens where the endpoint can
     * @param maxTokens   max_tokens where nothing else gives one
     * @param seed        the run's seed
     */
    public Workload(Dataset dataset, LengthDistribution input, LengthDistribution output, boolean exactOutput, int maxTokens,
                    long seed) {
        if (dataset != null && input != null) throw new IllegalArgumentException("a dataset sets its own input lengths");
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
        this.dataset = dataset;
        this.order = dataset == null ? new int[0] : Draws.shuffle(dataset.entries().size(), seed);
        this.input = input;
        this.output = output;
        this.exactOutput = exactOutput;
        this.maxTokens = maxTokens;
        this.seed = seed;
    }

    /** The built-in workload: the same requests as before any workload option existed. */
    public static Workload builtIn(int maxTokens) { return new Workload(null, null, null, false, maxTokens, 0); }

    /**
     * The workload the options describe, reading {@code -Ddataset} (relative to {@code repoRoot} unless absolute).
     *
     * @throws OptionException for {@code -DinputTokens} with {@code -Ddataset}, or a dataset that is missing, unreadable
     *                         or malformed (the message names file and line)
     */
    public static Workload of(SweepOptions o, Path repoRoot) {
        String given = o.get(Options.DATASET);
        LengthDistribution in = o.get(Options.INPUT_TOKENS);
        if (given != null && in != null) {
            throw new OptionException(Options.INPUT_TOKENS.name(), o.text(Options.INPUT_TOKENS),
                    "not with -Ddataset (the dataset's prompts are the input; -DoutputTokens still sets max_tokens)");
        }
        Dataset d = given == null ? null : load(given, repoRoot);
        return new Workload(d, in, o.get(Options.OUTPUT_TOKENS), o.get(Options.EXACT_OUTPUT), o.maxTokens(), o.seed());
    }

    private static Dataset load(String given, Path repoRoot) {
        String valid = "a ShareGPT JSON list or a JSONL file";
        Path file = repoRoot.resolve(given).normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new OptionException(Options.DATASET.name(), given, "an existing, readable file: " + valid
                    + " (a relative path is read from the repository root)");
        }
        try {
            return Dataset.load(file, given, recordedPath(given, file, repoRoot));
        } catch (DatasetException e) {
            throw new OptionException(Options.DATASET.name(), given, valid + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new OptionException(Options.DATASET.name(), given, "a readable file (" + DatasetException.oneLine(e.toString()) + ")");
        }
    }

    /**
     * How the report names the dataset: the path as given when relative; an absolute one relative to the repository
     * root when inside it, else only its file name (a home directory has no place in a shared report; the SHA-256
     * identifies the file).
     */
    static String recordedPath(String given, Path file, Path repoRoot) {
        if (!Path.of(given).isAbsolute()) return given;
        Path root = repoRoot.toAbsolutePath().normalize();
        if (file.startsWith(root)) return root.relativize(file).toString();
        return file.getFileName() + " (outside the repository)";
    }

    /** True when no workload option is set: the requests are those sent before the options existed. */
    public boolean builtIn() { return dataset == null && input == null && output == null && !exactOutput; }

    public Optional<Dataset> dataset() { return Optional.ofNullable(dataset); }

    public Optional<LengthDistribution> inputTokens() { return Optional.ofNullable(input); }

    public Optional<LengthDistribution> outputTokens() { return Optional.ofNullable(output); }

    /** Whether {@code -DexactOutput=true} asked for answers that run to max_tokens. */
    public boolean exactOutput() { return exactOutput; }

    /** The requests of a cell to {@code model}; {@code forceLength} when the endpoint {@linkplain ExactOutput#supported can}. */
    public RequestFactory factory(String model, boolean forceLength) {
        return (i, warmup) -> request(model, forceLength, i, warmup);
    }

    /** Request {@code index} (0-based within its phase), as the class comment says. */
    public ChatRequest request(String model, boolean forceLength, int index, boolean warmup) {
        long stream = warmup ? Draws.WARMUP : 0;
        ChatRequest r;
        if (dataset != null) {
            DatasetEntry e = entry(index, warmup);
            int max = output != null ? output.sample(Draws.of(seed, Draws.OUTPUT + stream, index))
                    : e.maxTokens() != null ? e.maxTokens() : maxTokens;
            r = warmup ? tagged(model, e, index, max) : new ChatRequest(model, e.system(), e.messages(), max, null, null, Map.of());
        } else {
            int max = output != null ? output.sample(Draws.of(seed, Draws.OUTPUT + stream, index)) : maxTokens;
            int promptIndex = warmup ? WARMUP_INDEX + index : index;
            r = input == null ? Prompts.request(model, null, promptIndex, max)
                    : ChatRequest.of(model, SyntheticPrompt.of(promptIndex, input.sample(Draws.of(seed, Draws.INPUT + stream, index))))
                            .withMaxTokens(max);
        }
        return exactOutput && forceLength ? r.withExtra(ExactOutput.fields(r.maxTokens())) : r;
    }

    /** Measured request i takes order[i mod N]; warm-up request i the same walk from the other end. */
    private DatasetEntry entry(int index, boolean warmup) {
        int n = order.length;
        int k = Math.floorMod(index, n);
        return dataset.entries().get(order[warmup ? n - 1 - k : k]);
    }

    private static ChatRequest tagged(String model, DatasetEntry e, int index, int max) {
        String tag = "Warm-up " + index + ".\n";
        if (e.system() != null) return new ChatRequest(model, tag + e.system(), e.messages(), max, null, null, Map.of());
        List<Message> messages = new ArrayList<>(e.messages());
        Message first = messages.get(0);
        messages.set(0, new Message(first.role(), tag + first.content()));
        return new ChatRequest(model, null, messages, max, null, null, Map.of());
    }

    private static String none(int entries) { return entries == 1 ? "1 entry gives" : entries + " entries give"; }

    /** Lines to print once when the run starts (entries a dataset skipped); empty for most runs. */
    public List<String> notes() {
        return dataset == null ? List.of() : dataset.skipNote().map(List::of).orElse(List.of());
    }

    /**
     * What the report records about this workload (empty for the built-in one): the dataset (path, SHA-256, entries,
     * input and output length statistics) or the synthetic length distributions, how max_tokens is chosen and how
     * prompts are ordered. A {@code max tokens} line replaces the run's plain one.
     */
    public Map<String, String> provenance() {
        Map<String, String> p = new LinkedHashMap<>();
        if (builtIn()) return p;
        String outputText = output == null ? null : "-DoutputTokens=" + output.text() + ", drawn per request (seed " + seed + ")";
        if (dataset != null) {
            p.put("max tokens", output != null ? "per request: " + outputText
                    : "per request: the dataset entry's, else " + maxTokens);
            p.put("dataset", dataset.path());
            p.put("dataset sha256", dataset.sha256());
            p.put("dataset entries", dataset.entriesText() + "; " + dataset.format().text());
            p.put("input tokens", "dataset prompts: " + dataset.inputTokens().text() + "; estimated, UTF-8 bytes / 4");
            LengthStats out = dataset.outputTokens();
            p.put("output tokens", output != null ? outputText + " (the dataset's own lengths not used)"
                    : "dataset lengths: " + out.text() + "; an entry's max_tokens, else its gpt turn's UTF-8 bytes / 4"
                    + (out.count() < dataset.entries().size() ? "; " + none(dataset.entries().size() - out.count()) + " none:"
                    + " max_tokens " + maxTokens : ""));
            p.put("prompt order", "shuffled with seed " + seed + ": request i sends entry i mod " + dataset.entries().size()
                    + " of the shuffle in every cell and repeat; warm-up takes entries from the other end, led by 'Warm-up <i>.'");
        } else {
            p.put("max tokens", output != null ? "per request: " + outputText : Integer.toString(maxTokens));
            p.put("input tokens", input != null ? "-DinputTokens=" + input.text() + ": synthetic prompts, length drawn per request"
                    + " (seed " + seed + "), 4 bytes a token" : "the built-in one-sentence prompts");
            if (output != null) p.put("output tokens", outputText);
        }
        return p;
    }
}
