package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.load.Prompts;
import dev.llmbench.bench.load.RequestFactory;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.RefClientOptions;
import dev.llmbench.bench.path.RefClientPath;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.target.Target;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.client.TransportKind;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What sweeps build their cells from: the options, the target and the reference client path. */
public final class SweepContext {
    /** Warm-up requests get their own messages, so they never share a cache entry with measured ones. */
    public static final int WARMUP_INDEX = 1_000_000;

    private final SweepOptions options;
    private final Target target;
    private final ClientPath ref;
    private final PrintStream out;
    private final Set<String> reportedSkips = new HashSet<>();

    /** A context whose reference path is the reference client with the run's {@code -Dretries}. */
    public SweepContext(SweepOptions options, Target target, PrintStream out) {
        this(options, target, new RefClientPath(RefClientOptions.raw(options.retries())), out);
    }

    /** A context with another reference path (tests drive a fake one). */
    public SweepContext(SweepOptions options, Target target, ClientPath ref, PrintStream out) {
        this.options = options;
        this.target = target;
        this.ref = ref;
        this.out = out;
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

    /** A plain cell of the reference path: the same request shape for every repeat. */
    public CellSpec cell(Endpoint e, TransportKind t, int concurrency, String variant, String system) {
        return cell(e, t, ref(), concurrency, variant, false, repeat -> (i, warmup) ->
                Prompts.request(e.model(), system, warmup ? WARMUP_INDEX + i : i, options.maxTokens()));
    }

    public CellSpec cell(Endpoint e, TransportKind t, ClientPath path, int concurrency, String variant,
                         boolean clientPerRequest, java.util.function.IntFunction<RequestFactory> requests) {
        return new CellSpec(new CellKey(e.provider(), path.id(), path.transportLabel(t), concurrency, variant, 0), e, t, path,
                clientPerRequest, requests);
    }
}
