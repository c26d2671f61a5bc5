package dev.llmbench.simulator.server;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The TLS listener runs on BoringSSL where netty-tcnative loads (the protocol tests then exercise it), else the JDK. */
class TlsProviderTest {
    @Test
    void picksBoringSslWhenItLoads() {
        SslProvider expected = OpenSsl.isAvailable() && SslProvider.isAlpnSupported(SslProvider.OPENSSL)
                ? SslProvider.OPENSSL : SslProvider.JDK;
        assertThat(SimulatorServer.tlsProvider()).isEqualTo(expected);
        String arch = System.getProperty("os.arch");
        if (System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            assertThat(OpenSsl.unavailabilityCause()).as("tcnative ships a linux-x86_64 build").isNull();
        }
    }
}
