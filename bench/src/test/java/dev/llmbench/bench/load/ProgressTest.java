package dev.llmbench.bench.load;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class ProgressTest {

    @Test
    void withoutATerminalProgressIsOneLinePerCellWithAnEta() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Progress p = Progress.forConsole(out, "sweep", 20)) {
            assertThat(p).isInstanceOf(LineProgress.class); // not System.out: never the terminal bar
            p.step();
            p.cellDone("openai-c8", 10, 20);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("[10/20 requests] openai-c8 done").contains("eta");
    }

    @Test
    void theBarCopesWithNoTerminal() {
        assertThatCode(() -> {
            try (BarProgress bar = new BarProgress("sweep", 5)) {
                for (int i = 0; i < 5; i++) bar.step();
            }
        }).doesNotThrowAnyException();
    }
}
