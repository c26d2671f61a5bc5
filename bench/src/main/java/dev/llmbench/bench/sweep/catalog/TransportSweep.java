package dev.llmbench.bench.sweep.catalog;

import java.util.Set;

import dev.llmbench.bench.cli.Options;

import dev.llmbench.bench.cli.Option;

import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.client.TransportKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Every transport of the reference client over TLS at the given concurrencies, against OpenAI (the profile whose
 * lessons are about the HTTP stack); when {@code -Dprovider} leaves OpenAI out, against the providers it names.
 */
public final class TransportSweep implements CellSweep {
    @Override
    public String name() { return "transport"; }

    @Override
    public String summary() { return "every transport against OpenAI over TLS x concurrency"; }

    /** It varies the transport itself, so {@code -Dtransport} is not read. */
    @Override
    public Set<Option<?>> reads() { return Catalog.without(Options.CELL_SWEEP, Options.TRANSPORT); }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        List<CellSpec> cells = new ArrayList<>();
        List<Endpoint> endpoints = ctx.endpoint("openai", true);
        if (endpoints.isEmpty()) endpoints = ctx.endpoints(true);
        for (Endpoint e : endpoints) {
            for (int c : ctx.options().concurrency()) {
                for (TransportKind t : TransportKind.values()) cells.add(ctx.cell(e, t, c, "", null));
            }
        }
        return List.of(new SweepSection(name(), "Transport comparison", cells));
    }
}
