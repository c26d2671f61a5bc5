package dev.llmbench.bench.target;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ReadyLineTest {

    @Test
    void parsesTheSimulatorsReadyLine() {
        ReadyLine r = ReadyLine.parse("llmbench-simulator ready http=http://127.0.0.1:40001 h2c=http://127.0.0.1:40002"
                + " tls=https://127.0.0.1:40003 truststore=/tmp/llmbench-simulator-1/truststore.p12 truststore-password=changeit").orElseThrow();

        assertThat(r.http()).isEqualTo("http://127.0.0.1:40001");
        assertThat(r.h2c()).isEqualTo("http://127.0.0.1:40002");
        assertThat(r.tls()).isEqualTo("https://127.0.0.1:40003");
        assertThat(r.trustStore()).isEqualTo(Path.of("/tmp/llmbench-simulator-1/truststore.p12"));
        assertThat(r.trustStorePassword()).isEqualTo("changeit");
    }

    @Test
    void otherLinesAreNotReadyLines() {
        assertThat(ReadyLine.parse("INFO starting")).isEmpty();
        assertThat(ReadyLine.parse("llmbench-simulator ready http=x")).isEmpty();
    }
}
