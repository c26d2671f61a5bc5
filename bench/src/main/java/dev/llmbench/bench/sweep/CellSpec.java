package dev.llmbench.bench.sweep;

import dev.llmbench.bench.load.RequestFactory;
import dev.llmbench.bench.path.ClientPath;
import dev.llmbench.bench.path.Guard;
import dev.llmbench.bench.target.Endpoint;
import dev.llmbench.bench.model.CellKey;
import dev.llmbench.client.TransportKind;

import java.util.function.IntFunction;

/**
 * One cell of a sweep, before it runs.
 *
 * @param key              what is varied (repeat 0; the runner sets the repeat)
 * @param endpoint         where requests go
 * @param transport        HTTP stack
 * @param path             how requests are sent
 * @param clientPerRequest a new client per request (the lessons' anti-pattern) instead of one per cell
 * @param requests         the cell's requests, per repeat index (e.g. a fresh cache prefix per repeat)
 * @param guard            reliability settings (time limits, leak check, soak), or null for a plain cell
 * @param load             how it loads the target when the sweep decides ({@link CellLoad#OPTIONS}: the options do)
 */
public record CellSpec(CellKey key, Endpoint endpoint, TransportKind transport, ClientPath path, boolean clientPerRequest,
                       IntFunction<RequestFactory> requests, Guard guard, CellLoad load) {

    public CellSpec {
        if (load == null) load = CellLoad.OPTIONS;
    }

    public CellSpec(CellKey key, Endpoint endpoint, TransportKind transport, ClientPath path, boolean clientPerRequest,
                    IntFunction<RequestFactory> requests) {
        this(key, endpoint, transport, path, clientPerRequest, requests, null, CellLoad.OPTIONS);
    }

    /** This cell with reliability settings. */
    public CellSpec guarded(Guard g) { return new CellSpec(key, endpoint, transport, path, clientPerRequest, requests, g, load); }

    /** This cell under another key (concurrency, variant) and load, e.g. one step of a rate sweep. */
    public CellSpec with(CellKey k, CellLoad l) { return new CellSpec(k, endpoint, transport, path, clientPerRequest, requests, guard, l); }

    public CellKey keyOfRepeat(int repeat) {
        return new CellKey(key.provider(), key.path(), key.transport(), key.concurrency(), key.variant(), repeat);
    }
}
