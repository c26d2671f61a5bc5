package dev.llmbench.bench.sweep.catalog;

import dev.llmbench.bench.path.library.LibraryClientPath;

import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.sweep.CellSpec;
import dev.llmbench.bench.sweep.CellSweep;
import dev.llmbench.bench.sweep.SweepContext;
import dev.llmbench.bench.sweep.SweepSection;
import dev.llmbench.bench.target.Endpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Provider × client path × concurrency: the reference client, each official SDK with its defaults and tuned, and the
 * generic multi-provider library (LangChain4j), through the same driver and metrics. Over TLS, as every library meets
 * a real provider: HTTP/2 is then whatever ALPN negotiates (over cleartext OkHttp would fall back to HTTP/1.1 while
 * the reference client speaks h2c with prior knowledge, which would compare transports rather than libraries).
 */
public final class PathSweep implements CellSweep {
    @Override
    public String name() { return "path"; }

    @Override
    public String summary() { return "provider x client path (ref, sdk-default, sdk-tuned, generic) x concurrency over TLS"; }

    @Override
    public List<SweepSection> sections(SweepContext ctx) {
        return List.of(section(ctx, name(), "Client path comparison", LibraryClientPath.all(), ctx.options().concurrency()));
    }

    static SweepSection section(SweepContext ctx, String name, String title, List<ClientPath> paths, List<Integer> concurrencies) {
        List<CellSpec> cells = new ArrayList<>();
        for (Endpoint e : ctx.endpoints(true)) {
            for (int c : concurrencies) {
                for (ClientPath path : paths) {
                    cells.add(ctx.cell(e, ctx.transportFor(e), path, c, "", false, ctx.requests(e)));
                }
            }
        }
        return new SweepSection(name, title, cells);
    }
}
