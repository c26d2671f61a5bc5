package dev.llmbench.bench.run;

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
 */
public record CellSpec(CellKey key, Endpoint endpoint, TransportKind transport, ClientPath path, boolean clientPerRequest,
                       IntFunction<RequestFactory> requests) {

    public CellKey keyOfRepeat(int repeat) {
        return new CellKey(key.provider(), key.path(), key.transport(), key.concurrency(), key.variant(), repeat);
    }
}
