package dev.llmbench.bench.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The simulator in its own JVM, so the harness's GC and JIT do not disturb it:
 * {@code java -cp <the harness's classpath> dev.llmbench.simulator.Main --port 0 --h2c-port 0 --tls-port 0 ...}, ready
 * once it prints its {@link ReadyLine}. The process is destroyed on {@link #close()} and at JVM exit.
 */
public final class ForkedSimulator implements SimulatorHandle {
    static final String MAIN = "dev.llmbench.simulator.Main";
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final ReadyLine ready;
    private final Thread shutdownHook;

    private ForkedSimulator(Process process, ReadyLine ready) {
        this.process = process;
        this.ready = ready;
        this.shutdownHook = new Thread(process::destroyForcibly, "llmbench-simulator-reaper");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the simulator and waits for its ready line. */
    public static ForkedSimulator start(long seed, Map<String, String> overrides) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), MAIN, "--port", "0", "--h2c-port", "0", "--tls-port", "0", "--seed", Long.toString(seed)));
        overrides.forEach((k, v) -> { cmd.add("--set"); cmd.add(k + "=" + v); });
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulator process: " + e.getMessage(), e);
        }
        Deque<String> stderrTail = new ArrayDeque<>();
        drain(p.getErrorStream(), stderrTail, "llmbench-simulator-stderr");
        CompletableFuture<ReadyLine> ready = new CompletableFuture<>();
        Thread out = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!ready.isDone()) ReadyLine.parse(line).ifPresent(ready::complete);
                }
            } catch (IOException ignored) {
                // the process went away; the wait below reports it
            }
            ready.completeExceptionally(new IllegalStateException("the simulator exited before it was ready"));
        }, "llmbench-simulator-stdout");
        out.setDaemon(true);
        out.start();
        try {
            return new ForkedSimulator(p, ready.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the simulator", e);
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            String tail;
            synchronized (stderrTail) { tail = String.join(" | ", stderrTail); }
            throw new IllegalStateException("the simulator did not become ready"
                    + (e instanceof TimeoutException ? " within " + READY_TIMEOUT_SECONDS + " s" : "")
                    + (tail.isEmpty() ? "" : ": " + tail), e);
        }
    }

    /** Keeps the last few lines of a stream (for error messages) and never lets the pipe fill up. */
    private static void drain(InputStream in, Deque<String> tail, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 5) tail.removeFirst();
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * The harness's own classpath: the URLs of every URLClassLoader up the chain (under {@code mvn exec:java} the
     * classes come from such a loader, not from java.class.path), then java.class.path with manifest-only jars (as
     * surefire uses) expanded.
     */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader cl = ForkedSimulator.class.getClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        try {
                            entries.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException ignored) {
                            // not a local file
                        }
                    }
                }
            }
        }
        for (String e : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (e.isBlank()) continue;
            entries.add(e);
            entries.addAll(manifestClassPath(Path.of(e)));
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) return List.of();
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest m = jf.getManifest();
            String cp = m == null ? null : m.getMainAttributes().getValue("Class-Path");
            if (cp == null) return List.of();
            List<String> out = new ArrayList<>();
            for (String u : cp.trim().split("\\s+")) {
                try {
                    URL url = jar.toUri().resolve(u).toURL();
                    if ("file".equals(url.getProtocol())) out.add(Path.of(url.toURI()).toString());
                } catch (IOException | URISyntaxException | IllegalArgumentException ignored) {
                    // skip entries we cannot resolve
                }
            }
            return out;
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public String httpRoot() { return ready.http(); }

    @Override
    public String tlsRoot() { return ready.tls(); }

    @Override
    public Path trustStore() { return ready.trustStore(); }

    @Override
    public String trustStorePassword() { return ready.trustStorePassword(); }

    /** True while the simulator process runs. */
    boolean isAlive() { return process.isAlive(); }

    @Override
    public String describe() { return "separate JVM (pid " + process.pid() + ")"; }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: the simulator shuts down cleanly and deletes its truststore
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
    }
}
