package dev.llmbench.simulator.server;

import dev.llmbench.simulator.Simulator.Listener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that opens more streams than SETTINGS_MAX_CONCURRENT_STREAMS, each HEADERS followed at once by its DATA (as
 * every client sends a POST): the extra streams are refused with RST_STREAM(REFUSED_STREAM), their DATA ignored, and
 * the connection goes on serving the admitted ones (RFC 9113 §5.1, §5.1.2; what nginx, Go and Envoy do). Netty alone
 * answered the first refused stream's DATA with GOAWAY(PROTOCOL_ERROR) and closed the connection (netty/netty#12065).
 */
class StreamRefusalTest {
    private static final int MAX_STREAMS = 3;
    private static final int STREAMS = MAX_STREAMS + 3;
    private static final int DATA = 0, HEADERS = 1, RST_STREAM = 3, SETTINGS = 4, GOAWAY = 7;
    private static final int END_STREAM = 1, END_HEADERS = 4, REFUSED_STREAM = 7;

    @TempDir
    Path tempDir;

    @Test
    void refusedStreamsAreResetAndTheConnectionServesTheRest() throws Exception {
        try (TestServer server = new TestServer(tempDir, ServerConfig.defaults().withMaxConcurrentStreams(MAX_STREAMS));
             Socket socket = new Socket("127.0.0.1", server.server.port(Listener.H2C))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            frame(out, SETTINGS, 0, 0, new byte[0]);
            byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < STREAMS; i++) {
                int id = 1 + 2 * i;
                frame(out, HEADERS, END_HEADERS, id, requestHeaders(body.length));
                frame(out, DATA, END_STREAM, id, body);
            }
            out.flush();

            Set<Integer> refused = new TreeSet<>();
            Set<Integer> answered = new TreeSet<>();
            String goAway = null;
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (refused.size() + answered.size() < STREAMS) {
                int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
                int type = in.readUnsignedByte();
                int flags = in.readUnsignedByte();
                int stream = in.readInt() & 0x7fffffff;
                byte[] payload = in.readNBytes(length);
                if (type == SETTINGS && (flags & 1) == 0) frame(out, SETTINGS, 1, 0, new byte[0]); // ACK
                if (type == RST_STREAM && code(payload, 0) == REFUSED_STREAM) refused.add(stream);
                if ((type == DATA || type == HEADERS) && (flags & END_STREAM) != 0) answered.add(stream);
                if (type == GOAWAY) {
                    goAway = "GOAWAY error " + code(payload, 4) + ": " + new String(payload, 8, payload.length - 8, StandardCharsets.UTF_8);
                    break;
                }
            }
            assertThat(goAway).as("the connection must survive the refusals").isNull();
            assertThat(refused).containsExactly(7, 9, 11); // the streams past the limit, in the order sent
            assertThat(answered).containsExactly(1, 3, 5);
        }
    }

    /** A POST to /slow-echo (held 300 ms, so every stream is still open when the next arrives), HPACK literals only. */
    private static byte[] requestHeaders(int contentLength) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        literal(b, ":method", "POST");
        literal(b, ":scheme", "http");
        literal(b, ":path", "/slow-echo?delayMs=300");
        literal(b, ":authority", "127.0.0.1");
        literal(b, "content-length", Integer.toString(contentLength));
        return b.toByteArray();
    }

    /** HPACK "literal header field without indexing, new name", no Huffman coding (strings under 127 bytes). */
    private static void literal(ByteArrayOutputStream b, String name, String value) {
        b.write(0);
        for (String s : new String[] {name, value}) {
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            b.write(bytes.length);
            b.writeBytes(bytes);
        }
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws Exception {
        int n = payload.length;
        out.write(new byte[] {(byte) (n >>> 16), (byte) (n >>> 8), (byte) n, (byte) type, (byte) flags,
                (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8), (byte) stream});
        out.write(payload);
        out.flush();
    }

    private static long code(byte[] p, int at) {
        return ((p[at] & 0xffL) << 24) | ((p[at + 1] & 0xff) << 16) | ((p[at + 2] & 0xff) << 8) | (p[at + 3] & 0xff);
    }
}
