package dev.llmbench.simulator;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Standalone simulator: {@code java -jar llmbench-simulator.jar --port 8080 --tls-port 8443 --h2c-port 8081 ...}.
 * Prints exactly one machine-readable ready line once listening, then serves until SIGTERM / Ctrl-C.
 */
public final class Main {

    static final String USAGE = "usage: llmbench-simulator [--port N] [--h2c-port N] [--tls-port N] [--profile P]"
            + " [--profile-file F] [--seed N] [--set profile.param=value]... [--max-concurrent-streams N]"
            + " [--max-connections-per-client N] [--io-threads N] [--help]";

    private Main() {}

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, Main::serveUntilTerminated);
        if (code != 0) System.exit(code);
    }

    /**
     * Parses {@code args}, starts the simulator, prints the ready line on {@code out}, hands the running simulator to
     * {@code serve} (which returns when it should stop) and closes it. Returns the process exit code: 0; 2 for a bad
     * command line or profile setting (one line on {@code err}); 1 if the simulator could not start (e.g. port taken).
     */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<Simulator> serve) {
        Simulator.Builder builder;
        try {
            builder = parse(args);
        } catch (HelpRequested e) {
            out.println(USAGE);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("llmbench-simulator: " + e.getMessage() + "; " + USAGE);
            return 2;
        }
        Simulator simulator;
        try {
            simulator = builder.start();
        } catch (IllegalArgumentException e) {
            // the providers reject a bad profile file, profile name or --set override this way
            err.println("llmbench-simulator: " + e.getMessage() + "; " + USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("llmbench-simulator: cannot start: " + e.getMessage());
            return 1;
        }
        try (simulator) {
            out.println(readyLine(simulator));
            out.flush();
            serve.accept(simulator);
        }
        return 0;
    }

    static String readyLine(Simulator simulator) {
        return "llmbench-simulator ready"
                + " http=" + simulator.root(Simulator.Listener.HTTP)
                + " h2c=" + simulator.root(Simulator.Listener.H2C)
                + " tls=" + simulator.root(Simulator.Listener.TLS)
                + " truststore=" + simulator.trustStore().toAbsolutePath()
                + " truststore-password=" + simulator.trustStorePassword();
    }

    /** Blocks until the JVM is asked to exit; the shutdown hook closes the simulator before the JVM halts. */
    private static void serveUntilTerminated(Simulator simulator) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "llmbench-simulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    /** Accepts {@code --flag value} and {@code --flag=value}. */
    static Simulator.Builder parse(String[] args) {
        Simulator.Builder builder = Simulator.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (flag.equals("--help") || flag.equals("-h")) throw new HelpRequested();
            if (!isKnown(flag)) throw new IllegalArgumentException("unknown flag " + quote(arg));
            if (value == null) {
                if (i + 1 >= args.length) throw new IllegalArgumentException("flag " + flag + " needs a value");
                value = args[++i];
            }
            apply(builder, flag, value);
        }
        return builder;
    }

    private static boolean isKnown(String flag) {
        return switch (flag) {
            case "--port", "--h2c-port", "--tls-port", "--profile", "--profile-file", "--seed", "--set",
                 "--max-concurrent-streams", "--max-connections-per-client", "--io-threads" -> true;
            default -> false;
        };
    }

    private static void apply(Simulator.Builder builder, String flag, String value) {
        switch (flag) {
            case "--port" -> builder.httpPort(port(flag, value));
            case "--h2c-port" -> builder.h2cPort(port(flag, value));
            case "--tls-port" -> builder.tlsPort(port(flag, value));
            case "--profile" -> {
                if (value.isBlank()) throw new IllegalArgumentException("--profile needs a profile name");
                builder.defaultProfile(value);
            }
            case "--profile-file" -> {
                Path file = Path.of(value);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--profile-file " + quote(value) + " is not a readable file");
                }
                builder.profileFile(file);
            }
            case "--seed" -> builder.seed(number(flag, value, Long.MIN_VALUE, Long.MAX_VALUE));
            case "--set" -> {
                int eq = value.indexOf('=');
                int dot = value.indexOf('.');
                if (eq < 0 || dot < 1 || dot > eq) {
                    throw new IllegalArgumentException("--set needs profile.param=value, got " + quote(value));
                }
                builder.set(value.substring(0, eq), value.substring(eq + 1));
            }
            case "--max-concurrent-streams" -> builder.maxConcurrentStreams((int) number(flag, value, 1, Integer.MAX_VALUE));
            case "--max-connections-per-client" -> builder.maxConnectionsPerClient((int) number(flag, value, 0, Integer.MAX_VALUE));
            case "--io-threads" -> builder.ioThreads((int) number(flag, value, 1, 256));
            default -> throw new IllegalArgumentException("unknown flag " + quote(flag));
        }
    }

    private static int port(String flag, String value) {
        return (int) number(flag, value, 0, 65535);
    }

    private static long number(String flag, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got " + quote(value));
        }
        if (n < min || n > max) throw new IllegalArgumentException(flag + " must be " + min + ".." + max + ", got " + n);
        return n;
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }
}
