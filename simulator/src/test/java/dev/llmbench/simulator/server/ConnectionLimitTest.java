package dev.llmbench.simulator.server;

import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** maxConnectionsPerClient: excess connections are closed at once, across listeners; a freed slot is reusable. */
class ConnectionLimitTest {

    @TempDir
    static Path tempDir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(tempDir, ServerConfig.defaults().withMaxConnectionsPerClient(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void connectionsBeyondTheLimitAreClosedImmediately() throws Exception {
        try (Socket first = open(Listener.HTTP); Socket second = open(Listener.H2C)) {
            assertThat(echoOn(first)).contains("HTTP/1.1 200");
            try (Socket third = open(Listener.TLS)) {
                assertThat(closedByServer(third)).as("third connection from the same client").isTrue();
            }
            try (Socket fourth = open(Listener.HTTP)) {
                assertThat(closedByServer(fourth)).isTrue();
            }
            assertThat(echoOn(first)).as("admitted connections keep working").contains("HTTP/1.1 200");
        }
        // Both slots are released when their connections close; a new one is admitted again.
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try (Socket again = open(Listener.HTTP)) {
                String reply = echoOrClosed(again);
                if (reply != null) {
                    assertThat(reply).contains("HTTP/1.1 200");
                    return;
                }
            }
            assertThat(System.nanoTime()).as("slot released within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Socket open(Listener listener) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.server.port(listener));
        socket.setSoTimeout(5000);
        return socket;
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static String echoOn(Socket socket) throws IOException {
        String reply = echoOrClosed(socket);
        assertThat(reply).isNotNull();
        return reply;
    }

    /** One keep-alive request; the status line and headers, or null if the server closed the connection. */
    private static String echoOrClosed(Socket socket) throws IOException {
        try {
            socket.getOutputStream().write("GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                head.append((char) c);
                if (head.toString().endsWith("\r\n\r\n")) break;
            }
            if (c == -1) return null;
            String text = head.toString();
            int length = Integer.parseInt(text.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
            in.readNBytes(length);
            return text;
        } catch (SocketException reset) {
            return null;
        }
    }
}
