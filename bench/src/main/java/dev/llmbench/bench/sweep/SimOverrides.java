package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.Options;
import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.workload.ExactOutput;

import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator settings of a run: the sweep's own, then quick timing, then {@code -DexactOutput=true}'s stand-in for
 * ignore_eos ({@link ExactOutput#simulatorSettings}), then {@code -DsimSet}; later ones win.
 */
public final class SimOverrides {
    private SimOverrides() {}

    public static Map<String, String> of(CellSweep sweep, SweepOptions o) {
        Map<String, String> out = new TreeMap<>(sweep.simDefaults());
        if (o.quick()) out.putAll(quickTiming(sweep));
        if (o.get(Options.EXACT_OUTPUT)) out.putAll(ExactOutput.simulatorSettings(sweep.simProfiles())); // its ignore_eos
        out.putAll(o.get(Options.SIM_SET));
        return out;
    }

    /**
     * Fast timing for every profile the sweep sends to, keeping each one's wire format, limits and quirks, so a whole
     * sweep takes seconds.
     */
    static Map<String, String> quickTiming(CellSweep sweep) {
        Map<String, String> out = new TreeMap<>();
        for (String p : sweep.simProfiles()) {
            out.put(p + ".latency.medianMs", "5");
            out.put(p + ".latency.sigma", "0");
            out.put(p + ".network.rttMs", "0");
            out.put(p + ".network.connectMs", "0");
            out.put(p + ".network.tlsMs", "0");
            out.put(p + ".decode.tokensPerSecond", "2000");
            out.put(p + ".output.mean", "24");
            out.put(p + ".output.sigma", "0");
            out.put(p + ".fault.trickleMs", "200"); // a slow trickle outlasts the quick request limit, not the idle one
        }
        if (sweep.simProfiles().contains("together")) out.put("together.prefill.usPerToken", "20"); // long prompts still cost Together visibly, in ms not s
        return out;
    }
}
