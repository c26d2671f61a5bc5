package dev.llmbench.simulator.provider;

import java.util.Map;

/** A complete error or small response: status, headers (lower-case names) and body bytes. */
record Reply(int status, Map<String, String> headers, byte[] body) {
    Reply {
        headers = Map.copyOf(headers);
    }
}
