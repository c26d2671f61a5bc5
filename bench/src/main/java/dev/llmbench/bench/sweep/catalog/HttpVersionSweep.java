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

/** Provider × {OkHttp HTTP/1.1, OkHttp HTTP/2} over TLS (ALPN), at the given concurrencies. */
public final class HttpVersionSweep implements CellSweep {
    @Override
    public String name() { return "http-version"; }

    @Override
    public String summary() { return "provider x {okhttp-h1, okhttp-h2} x concurrency, over TLS (ALPN)"; }

    /** It varies the transport itself, so {@code -Dtransport} is not read. */
    @Override
    public Set<Option<?>> reads() { return Catalog.without(Options.CELL_SWEEP, Options.TRANSPORT); }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(section(ctx, name(), "HTTP/1.1 vs HTTP/2", ctx.options().concurrency()));
    }

    static SweepSection section(SweepContext ctx, String name, String title, List<Integer> concurrencies) {
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoints(true)) {
            for (int c : concurrencies) {
                for (TransportKind t : List.of(TransportKind.OKHTTP_H1, TransportKind.OKHTTP_H2)) {
                    cells.add(ctx.cell(e, t, c, "", null));
                }
            }
        }
        return new SweepSection(name, title, cells);
    }
}
