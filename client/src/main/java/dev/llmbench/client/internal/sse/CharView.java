package dev.llmbench.client.internal.sse;

/**
 * A reusable {@link CharSequence} window over a char array, so a decoder can hand text to a sink without allocating a
 * String per token. Valid only until the owner repoints it; {@link #toString()} copies.
 */
public final class CharView implements CharSequence {
    private char[] chars = new char[0];
    private int offset;
    private int length;

    /** Points this view at {@code chars[offset, offset + length)}; returns this. */
    public CharView set(char[] chars, int offset, int length) {
        this.chars = chars;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override
    public int length() { return length; }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) throw new IndexOutOfBoundsException(index);
        return chars[offset + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end > length || start > end) throw new IndexOutOfBoundsException("[" + start + ", " + end + ")");
        return new String(chars, offset + start, end - start);
    }

    @Override
    public boolean isEmpty() { return length == 0; }

    /** True if the viewed text equals {@code s}. */
    public boolean contentEquals(String s) {
        if (s.length() != length) return false;
        for (int i = 0; i < length; i++) if (chars[offset + i] != s.charAt(i)) return false;
        return true;
    }

    /** Copies the viewed chars to {@code dst} at {@code dstOffset}. */
    public void copyTo(char[] dst, int dstOffset) {
        System.arraycopy(chars, offset, dst, dstOffset, length);
    }

    @Override
    public String toString() { return new String(chars, offset, length); }
}
