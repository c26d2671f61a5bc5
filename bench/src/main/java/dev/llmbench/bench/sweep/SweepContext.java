package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.Option;
import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.RepositoryRoot;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.load.RequestFactory;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.bench.workload.ExactOutput;
import dev.llmbench.bench.workload.Workload;
import dev.llmbench.bench.workload.WorkloadRequests;
import dev.llmbench.client.TransportKind;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/** What sweeps build their cells from: the options, the target and the reference client path. */
public final class SweepContext {
    /** Warm-up requests get their own messages, so they never share a cache entry with measured ones. */
    public static final int WARMUP_INDEX = Workload.WARMUP_INDEX;

    private final SweepOptions options;
    private final Target target;
    private final ClientPath ref;
    private final PrintStream out;
    private final Set<String> reportedSkips = new HashSet<>();
    private final Workload workload;
    private final Set<String> reportedExactOutput = new HashSet<>();

    /** A context whose reference path is the reference client with the run's {@code -Dretries}. */
    public SweepContext(SweepOptions options, Target target, PrintStream out) {
        this(options, target, new RefClientPath(RefClientOptions.raw(options.retries())), out);
    }

    /** A context with another reference path (tests drive a fake one). */
    public SweepContext(SweepOptions options, Target target, ClientPath ref, PrintStream out) {
        this(options, target, ref, out, Workload.of(options, RepositoryRoot.find(Path.of(""))));
    }

    /** A context sending {@code workload} (already loaded: a bad dataset is bad input before the target starts). */
    public SweepContext(SweepOptions options, Target target, PrintStream out, Workload workload) {
        this(options, target, new RefClientPath(RefClientOptions.raw(options.retries())), out, workload);
    }

    /** A context with another reference path and a workload of its own. */
    public SweepContext(SweepOptions options, Target target, ClientPath ref, PrintStream out, Workload workload) {
        this.options = options;
        this.target = target;
        this.ref = ref;
        this.out = out;
        this.workload = workload;
    }

    public SweepOptions options() { return options; }

    /** Where sweeps report skipped work. */
    public PrintStream out() { return out; }

    /** The reference client path. */
    public ClientPath ref() { return ref; }

    /** The reference client's options ({@code -Dretries} included), for sweeps that configure it further. */
    public RefClientOptions refOptions() {
        return ref instanceof RefClientPath r ? r.options() : RefClientOptions.raw(options.retries());
    }

    /** Endpoints of the requested providers this target can serve; each skipped provider is reported once. */
    public List<Endpoint> endpoints(boolean tls) {
        List<Endpoint> out = new ArrayList<>();
        for (String p : options.providers()) {
            target.endpoint(p, tls).ifPresentOrElse(out::add, () -> skip(p));
        }
        return out;
    }

    /** The endpoint of one provider if it was requested and is available. */
    public List<Endpoint> endpoint(String provider, boolean tls) {
        return endpoints(tls).stream().filter(e -> e.provider().equals(provider) || e.provider().equals("generic")).toList();
    }

    private void skip(String provider) {
        if (reportedSkips.add(provider)) out.println(target.unavailableReason(provider));
    }

    /** The transport for sweeps that do not vary it: {@code -Dtransport}, else the provider's default. */
    public TransportKind transportFor(Endpoint e) {
        return options.transport() != null ? options.transport() : e.defaultTransport();
    }

    /** The one concurrency of single-concurrency comparisons: 32 (the lessons' pick) if listed, else the largest. */
    public int focusConcurrency() {
        List<Integer> cs = options.concurrency();
        return cs.contains(32) ? 32 : cs.stream().mapToInt(Integer::intValue).max().orElse(32);
    }

    /**
     * A plain cell of the reference path, the same requests for every repeat: without a system prompt the run's
     * {@linkplain #requests workload}; with one (the prompt-length comparison, whose point is its system prompt) the
     * built-in prompts under it and {@code -DmaxTokens}, whatever the workload options say.
     */
    public CellSpec cell(Endpoint e, TransportKind t, int concurrency, String variant, String system) {
        IntFunction<RequestFactory> requests = system == null ? requests(e) : repeat -> (i, warmup) ->
                Prompts.request(e.model(), system, warmup ? WARMUP_INDEX + i : i, options.maxTokens());
        return cell(e, t, ref(), concurrency, variant, false, requests);
    }

    /** The run's workload ({@code -Ddataset}, {@code -DinputTokens}, {@code -DoutputTokens}, {@code -DexactOutput}). */
    public Workload workload() { return workload; }

    /**
     * The requests of a plain cell to {@code e}, from the run's workload: what every cell sends unless its sweep
     * measures prompts of its own. With {@code -DexactOutput=true} and a provider that cannot force the output length,
     * says so once per provider.
     */
    public WorkloadRequests requests(Endpoint e) {
        boolean force = workload.exactOutput() && ExactOutput.supported(e, target.simulated());
        if (workload.exactOutput() && !force && reportedExactOutput.add(e.provider())) out.println(ExactOutput.unsupported(e.provider()));
        return new WorkloadRequests(workload, e.provider(), e.model(), force);
    }

    /**
     * The one line to say when workload options are set and some sections send prompts of their own (they ignore
     * them), or empty. Against the simulator {@code -DexactOutput} reaches those sections too (it sets the profiles).
     */
    public Optional<String> ownPromptsNote(List<SweepSection> sections) {
        List<String> set = workloadOptionsSet(options, target.simulated());
        List<String> own = sections.stream()
                .filter(s -> s.cells().stream().anyMatch(c -> !(c.requests() instanceof WorkloadRequests)))
                .map(SweepSection::name).toList();
        if (set.isEmpty() || own.isEmpty()) return Optional.empty();
        return Optional.of(String.join(", ", set) + " not used by " + (own.size() == 1 ? "section " : "sections ")
                + String.join(", ", own) + ": " + (own.size() == 1 ? "it sends" : "they send") + " prompts of "
                + (own.size() == 1 ? "its" : "their") + " own with -DmaxTokens");
    }

    /** The workload options this run sets (exact output only where it is not the simulator's profile setting). */
    static List<String> workloadOptionsSet(SweepOptions o, boolean simulated) {
        List<String> set = new ArrayList<>();
        for (Option<?> w : List.of(Options.DATASET, Options.INPUT_TOKENS, Options.OUTPUT_TOKENS)) {
            if (o.get(w) != null) set.add(w.toString());
        }
        if (o.get(Options.EXACT_OUTPUT) && !simulated) set.add(Options.EXACT_OUTPUT.toString());
        return set;
    }

    public CellSpec cell(Endpoint e, TransportKind t, ClientPath path, int concurrency, String variant,
                         boolean clientPerRequest, java.util.function.IntFunction<RequestFactory> requests) {
        return new CellSpec(new CellKey(e.provider(), path.id(), path.transportLabel(t), concurrency, variant, 0), e, t, path,
                clientPerRequest, requests);
    }
}
