package dev.llmbench.bench.workload;

import dev.llmbench.bench.load.RequestFactory;

import java.util.function.IntFunction;

/**
 * The requests of one plain cell, per repeat, as the {@link Workload} makes them — a type of its own so that a
 * section can tell cells that send the run's workload from cells that send prompts of their own (and the report
 * records the workload only for the former).
 *
 * @param workload    the run's workload
 * @param provider    the cell's provider label, e.g. {@code openai} or {@code generic}
 * @param model       the model requests name
 * @param forceLength whether {@code -DexactOutput=true} is honoured here ({@link ExactOutput#supported})
 */
public record WorkloadRequests(Workload workload, String provider, String model, boolean forceLength)
        implements IntFunction<RequestFactory> {

    /** The same requests for every repeat: a repeat measures the same workload again. */
    @Override
    public RequestFactory apply(int repeat) { return workload.factory(model, forceLength); }
}
