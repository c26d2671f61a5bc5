package dev.llmbench.simulator;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone entry point: the ready line, flag errors (exit 2), and clean shutdown on SIGTERM. */
class MainTest {

    static final Pattern READY = Pattern.compile("llmbench-simulator ready http=http://127\\.0\\.0\\.1:(\\d+)"
            + " h2c=http://127\\.0\\.0\\.1:(\\d+) tls=https://127\\.0\\.0\\.1:(\\d+) truststore=(\\S+)"
            + " truststore-password=(\\S+)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), simulator -> {});
    }

    @Test
    void printsExactlyOneReadyLineWithWorkingListenersAndTruststore() throws Exception {
        AtomicReference<Path> trustStore = new AtomicReference<>();
        int code = Main.run(new String[] {"--port", "0", "--h2c-port=0", "--tls-port", "0", "--seed", "7",
                        "--set", "openai.limit.rpm=600", "--max-concurrent-streams", "9"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                simulator -> {
                    Matcher ready = READY.matcher(out.toString(StandardCharsets.UTF_8).strip());
                    assertThat(ready.matches()).as(out.toString(StandardCharsets.UTF_8)).isTrue();
                    for (int group = 1; group <= 3; group++) {
                        try (Socket ignored = new Socket("127.0.0.1", Integer.parseInt(ready.group(group)))) {
                            // listening
                        } catch (Exception e) {
                            throw new AssertionError("listener " + group + " not accepting", e);
                        }
                    }
                    Path store = Path.of(ready.group(4));
                    trustStore.set(store);
                    assertThat(ready.group(5)).isEqualTo(simulator.trustStorePassword());
                    try (InputStream in = Files.newInputStream(store)) {
                        KeyStore keyStore = KeyStore.getInstance("PKCS12");
                        keyStore.load(in, ready.group(5).toCharArray());
                        assertThat(keyStore.size()).isPositive();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        assertThat(trustStore.get()).as("truststore removed on close").doesNotExist();
    }

    @Test
    void unknownFlagExits2WithOneLineNamingItAndTheValidFlags() {
        assertThat(run("--port", "0", "--bogus", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("--bogus", "--port", "--tls-port", "--h2c-port", "--profile", "--set", "--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badValuesExit2() {
        for (String[] args : List.of(new String[] {"--port", "http"}, new String[] {"--port", "70000"},
                new String[] {"--seed"}, new String[] {"--set", "no-equals"},
                new String[] {"--max-concurrent-streams", "0"}, new String[] {"--profile-file", "/no/such/file"})) {
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).as(String.join(" ", args)).singleElement()
                    .asString().contains(args[0]);
        }
    }

    @Test
    void settingTheProvidersRejectExits2() {
        assertThat(run("--port", "0", "--h2c-port", "0", "--tls-port", "0", "--set", "openai.no-such-parameter=1"))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("no-such-parameter");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aProfileFileWithABadValueExits2NamingTheKeyAndItsRange(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.properties"), "openai.latency.medianMs=300\nopenai.decode.sigma=9\n");
        assertThat(run("--port", "0", "--h2c-port", "0", "--tls-port", "0", "--profile-file", file.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .contains("decode.sigma").contains("9").contains("[0");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpPrintsUsageAndExits0() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: llmbench-simulator");
    }

    @Test
    void sigtermShutsDownCleanly() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0", "--h2c-port", "0", "--tls-port", "0")
                .redirectErrorStream(true).start();
        try {
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            List<String> seen = new ArrayList<>();
            String line;
            Matcher ready = null;
            while ((line = reader.readLine()) != null) {
                seen.add(line);
                Matcher m = READY.matcher(line);
                if (m.matches()) {
                    ready = m;
                    break;
                }
            }
            assertThat(ready).as("ready line in %s", seen).isNotNull();
            Path trustStore = Path.of(ready.group(4));
            assertThat(trustStore).exists();

            process.destroy(); // SIGTERM
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
            assertThat(trustStore).as("shutdown hook closed the simulator").doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }
}
