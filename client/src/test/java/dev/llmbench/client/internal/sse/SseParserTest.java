package dev.llmbench.client.internal.sse;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseParserTest {

    @Test
    void dataEventsAreDispatchedOnBlankLines() {
        assertThat(RecordingHandler.parse("data: a\n\ndata: b\n\n")).containsExactly("message|a", "message|b");
    }

    @Test
    void multiLineDataIsJoinedWithNewlines() {
        assertThat(RecordingHandler.parse("data: a\ndata:\ndata: b\n\n")).containsExactly("message|a\n\nb");
    }

    @Test
    void onlyOneSpaceAfterTheColonIsRemoved() {
        assertThat(RecordingHandler.parse("data:a\n\ndata:  a\n\ndata: \n\n"))
                .containsExactly("message|a", "message| a", "message|");
    }

    @Test
    void fieldWithoutColonHasAnEmptyValue() {
        assertThat(RecordingHandler.parse("data\n\ndata\ndata\n\n")).containsExactly("message|", "message|\n");
    }

    @Test
    void eventNamesApplyToOneEventOnly() {
        assertThat(RecordingHandler.parse("event: ping\ndata: {}\n\ndata: x\n\nevent:\ndata: y\n\n"))
                .containsExactly("ping|{}", "message|x", "message|y");
    }

    @Test
    void eventWithoutDataIsNotDispatchedAndItsNameIsDropped() {
        assertThat(RecordingHandler.parse("event: a\n\ndata: x\n\n")).containsExactly("message|x");
    }

    @Test
    void idRetryAndUnknownFieldsAreIgnored() {
        assertThat(RecordingHandler.parse("id: 7\nretry: 1000\nfoo: bar\ndata: x\nDATA: no\n\n")).containsExactly("message|x");
    }

    @Test
    void commentsAreReportedWithoutColonAndOneSpace() {
        assertThat(RecordingHandler.parse(": hello\n:world\n:  two\n:\ndata: x\n\n"))
                .containsExactly(":hello", ":world", ": two", ":", "message|x");
    }

    @Test
    void allLineEndingsWork() {
        List<String> expected = List.of(":c", "e|a\nb", "message|z");
        assertThat(RecordingHandler.parse(": c\nevent: e\ndata: a\ndata: b\n\ndata: z\n\n")).isEqualTo(expected);
        assertThat(RecordingHandler.parse(": c\r\nevent: e\r\ndata: a\r\ndata: b\r\n\r\ndata: z\r\n\r\n")).isEqualTo(expected);
        assertThat(RecordingHandler.parse(": c\revent: e\rdata: a\rdata: b\r\rdata: z\r\r")).isEqualTo(expected);
        assertThat(RecordingHandler.parse(": c\r\nevent: e\rdata: a\ndata: b\r\n\rdata: z\n\r\n")).isEqualTo(expected);
    }

    @Test
    void crAtTheEndOfOnePieceAndLfAtTheStartOfTheNextAreOneLineEnd() {
        byte[] bytes = "data: a\r\n\r\ndata: b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(RecordingHandler.parse(bytes, new int[] {cut})).as("cut at %d", cut)
                    .containsExactly("message|a", "message|b");
        }
    }

    @Test
    void byteOrderMarkAtTheStartIsDroppedEvenWhenSplit() {
        byte[] bytes = "\uFEFFdata: a\n\n".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordingHandler.parse(bytes, new int[0])).containsExactly("message|a");
        assertThat(RecordingHandler.parse(bytes, new int[] {1, 2})).containsExactly("message|a");
        // Only at the start of the stream.
        assertThat(RecordingHandler.parse("data: a\n\n\uFEFFdata: b\n\n")).containsExactly("message|a");
    }

    @Test
    void multiByteCharactersSplitAnywhereSurviveIntact() {
        String text = "h\u00e9llo \u4e16\u754c \uD83D\uDE00";
        byte[] bytes = ("data: " + text + "\n\n: \u00e9\n").getBytes(StandardCharsets.UTF_8);
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(RecordingHandler.parse(bytes, new int[] {cut})).containsExactly("message|" + text, ":\u00e9");
        }
    }

    @Test
    void endFlushesAnUnterminatedEvent() {
        assertThat(RecordingHandler.parse("data: a\n\ndata: b")).containsExactly("message|a", "message|b");
        assertThat(RecordingHandler.parse("data: a\ndata: b\n")).containsExactly("message|a\nb");
        assertThat(RecordingHandler.parse("event: x")).isEmpty();
    }

    @Test
    void directAndSlicedBuffersAreRead() {
        byte[] bytes = "xxdata: a\n\ndata: b\n\n".getBytes(StandardCharsets.US_ASCII);
        RecordingHandler h = new RecordingHandler();
        SseParser p = new SseParser(h);
        ByteBuffer sliced = ByteBuffer.wrap(bytes, 2, 10).slice();
        p.feed(sliced, 0);
        assertThat(sliced.hasRemaining()).isFalse();
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length - 12);
        direct.put(bytes, 12, bytes.length - 12).flip();
        p.feed(direct, 0);
        assertThat(direct.hasRemaining()).isFalse();
        p.end(0);
        assertThat(h.calls).containsExactly("message|a", "message|b");
    }

    @Test
    void repeatedEventNamesAreTheSameInstance() {
        RecordingHandler h = new RecordingHandler();
        SseParser p = new SseParser(h);
        byte[] bytes = "event: content_block_delta\ndata: 1\n\nevent: content_block_delta\ndata: 2\n\n"
                .getBytes(StandardCharsets.US_ASCII);
        p.feed(bytes, 0, bytes.length, 0);
        assertThat(h.types).hasSize(2);
        assertThat(h.types.get(0)).isSameAs(h.types.get(1)).isEqualTo("content_block_delta");
    }

    @Test
    void lineEndSearchAgreesWithAPlainScan() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                int r = random.nextInt(20);
                b[i] = r == 0 ? (byte) '\n' : r == 1 ? (byte) '\r' : r == 2 ? (byte) 0x8D : (byte) random.nextInt(256);
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int expected = from;
            while (expected < b.length && b[expected] != '\n' && b[expected] != '\r') expected++;
            assertThat(SseParser.indexOfLineEnd(b, from, b.length)).isEqualTo(expected);
        }
    }

    @Test
    void overLongEventsStopTheParser() {
        RecordingHandler h = new RecordingHandler();
        SseParser p = new SseParser(h, 16);
        byte[] bytes = "data: 0123456789\ndata: 0123456789\n\ndata: after\n\n".getBytes(StandardCharsets.US_ASCII);
        p.feed(bytes, 0, bytes.length, 0);
        p.end(0);
        assertThat(h.calls).hasSize(1);
        assertThat(h.calls.get(0)).startsWith("!");

        RecordingHandler h2 = new RecordingHandler();
        SseParser p2 = new SseParser(h2, 16);
        for (int i = 0; i < 10; i++) p2.feed(new byte[] {'d', 'a', 't', 'a'}, 0, 4, 0); // one line, never ended
        assertThat(h2.calls).hasSize(1);
        assertThat(h2.calls.get(0)).startsWith("!");
    }
}
