package dev.llmbench.client.internal.sse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 byte ranges into one reused char buffer (WHATWG: malformed sequences become U+FFFD), exposed as a
 * {@link CharView}. One instance per stream; not thread-safe.
 */
final class Utf8Text {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharView view = new CharView();
    private CharBuffer chars = CharBuffer.allocate(128);

    /** The text of {@code bytes[offset, offset + length)}; valid until the next call. */
    CharView decode(byte[] bytes, int offset, int length) {
        if (chars.capacity() < length) chars = CharBuffer.allocate(Math.max(length, chars.capacity() * 2));
        chars.clear();
        decoder.reset();
        // A UTF-8 byte never decodes to more than one char (4-byte sequences give 2 chars), so capacity suffices.
        decoder.decode(ByteBuffer.wrap(bytes, offset, length), chars, true);
        decoder.flush(chars);
        return view.set(chars.array(), 0, chars.position());
    }
}
