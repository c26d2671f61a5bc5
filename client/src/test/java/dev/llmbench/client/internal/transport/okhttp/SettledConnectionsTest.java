package dev.llmbench.client.internal.transport.okhttp;

import dev.llmbench.client.internal.transport.TlsTrust;
import dev.llmbench.client.internal.transport.TransportConfig;
import okhttp3.Connection;
import okhttp3.Handshake;
import okhttp3.Protocol;
import okhttp3.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression test of edc2403: the okhttp-h2 stream bound ({@code limit x settledConnections()}) counts a connection
 * only while it is open and takes new streams. Before the fix it counted every connection a response had arrived on,
 * closed ones (until collected) and retired ones (OkHttp takes no new streams on a connection after its second
 * REFUSED_STREAM) included, so the bound let bursts pile onto a fresh connection before its SETTINGS; checked: the
 * code before the fix fails the retired and closed cases here.
 */
class SettledConnectionsTest {
    private final OkHttpTransport transport = new OkHttpTransport(true,
            new TransportConfig(8, 1, Duration.ofSeconds(5), TlsTrust.create(null, null)));

    @AfterEach
    void close() { transport.close(); }

    /** A connection whose socket the test opens and closes; the rest is never asked for. */
    private static final class FakeConnection implements Connection {
        final Socket socket = new Socket();

        @Override public Route route() { throw new UnsupportedOperationException(); }
        @Override public Socket socket() { return socket; }
        @Override public Handshake handshake() { return null; }
        @Override public Protocol protocol() { return Protocol.HTTP_2; }
    }

    @Test
    void onlyOpenConnectionsThatTakeNewStreamsWidenTheBound() throws IOException {
        FakeConnection a = new FakeConnection();
        FakeConnection b = new FakeConnection();
        assertThat(transport.settledConnections(10)).as("none settled: the one a burst may open").isEqualTo(1);

        transport.settledResponse(a);
        transport.settledResponse(b);
        transport.settledResponse(b);
        assertThat(transport.settledConnections(10)).isEqualTo(3);
        assertThat(transport.settledConnections(1)).as("never above the pool's live count").isEqualTo(2);

        transport.refused(a);
        assertThat(transport.settledConnections(10)).as("one refusal: a still takes streams").isEqualTo(3);
        transport.refused(a);
        assertThat(transport.settledConnections(10)).as("a retired after its second refusal").isEqualTo(2);
        transport.settledResponse(a); // a stream already on the retired connection finishing
        assertThat(transport.settledConnections(10)).as("a retired connection is not counted again").isEqualTo(2);

        b.socket.close();
        assertThat(transport.settledConnections(10)).as("a closed connection no longer counts").isEqualTo(1);
    }
}
