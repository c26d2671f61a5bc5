package dev.llmbench.simulator.server;

/**
 * Reports handler failures on stderr, one line each: exception class and the throwing frame only. The exception
 * message is left out on purpose, since it could echo request content such as an API key.
 */
final class HandlerFailures {

    private HandlerFailures() {}

    static void report(String method, String path, Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        String at = trace.length == 0 ? "" : " at " + trace[0];
        System.err.println("llmbench-simulator: handler failed on " + method + " " + path + ": "
                + t.getClass().getName() + at);
    }
}
