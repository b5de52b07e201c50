package io.sluice.internal.column;

import java.nio.charset.StandardCharsets;

/**
 * A reusable {@link CharSequence} over UTF-8 bytes in a heap array: {@link #wrap} points it at a key, decoding into
 * a char buffer it keeps (grown only for a longer key), so reading keys allocates nothing in steady state. ASCII is
 * read straight from the bytes. Malformed input decodes as {@code new String(bytes, UTF_8)} does (replacement
 * characters), through that String. {@link #toString()} and {@link #subSequence} make Strings.
 *
 * <p>Not thread-safe; valid until the next {@link #wrap} or until the bytes change.
 */
public final class Utf8View implements CharSequence
{
    private byte[] bytes;
    private int offset;
    private int length;
    private boolean isAscii;
    private char[] chars = new char[16];
    private int charCount;

    public Utf8View wrap(final byte[] bytes, final int offset, final int length)
    {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        isAscii = true;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            if (bytes[i] < 0)
            {
                isAscii = false;
                break;
            }
        }
        if (!isAscii)
        {
            if (length > chars.length)
            {
                chars = new char[Math.max(length, chars.length << 1)];
            }
            charCount = decode(bytes, offset, length, chars);
            if (charCount < 0)
            {
                final String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
                if (text.length() > chars.length)
                {
                    chars = new char[text.length()];
                }
                text.getChars(0, text.length(), chars, 0);
                charCount = text.length();
            }
        }
        return this;
    }

    @Override
    public int length()
    {
        return isAscii ? length : charCount;
    }

    @Override
    public char charAt(final int index)
    {
        if (index < 0 || index >= length())
        {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length());
        }
        return isAscii ? (char)bytes[offset + index] : chars[index];
    }

    @Override
    public CharSequence subSequence(final int start, final int end)
    {
        return toString().substring(start, end);
    }

    @Override
    public String toString()
    {
        return isAscii ? new String(bytes, offset, length, StandardCharsets.ISO_8859_1)
            : new String(chars, 0, charCount);
    }

    /**
     * Decodes well-formed UTF-8 into {@code out} (at least {@code length} chars) and returns the char count, or -1 on
     * malformed input (overlong forms, surrogates, truncated or stray bytes), which the caller decodes the JDK's way.
     */
    static int decode(final byte[] in, final int offset, final int length, final char[] out)
    {
        int n = 0;
        int i = offset;
        final int end = offset + length;
        while (i < end)
        {
            final int b0 = in[i] & 0xFF;
            if (b0 < 0x80)
            {
                out[n++] = (char)b0;
                i++;
            }
            else if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < end && isContinuation(in[i + 1]))
            {
                out[n++] = (char)(((b0 & 0x1F) << 6) | (in[i + 1] & 0x3F));
                i += 2;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF && i + 2 < end && isContinuation(in[i + 1])
                && isContinuation(in[i + 2]))
            {
                final int c = ((b0 & 0x0F) << 12) | ((in[i + 1] & 0x3F) << 6) | (in[i + 2] & 0x3F);
                if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))
                {
                    return -1;
                }
                out[n++] = (char)c;
                i += 3;
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4 && i + 3 < end && isContinuation(in[i + 1])
                && isContinuation(in[i + 2]) && isContinuation(in[i + 3]))
            {
                final int c = ((b0 & 0x07) << 18) | ((in[i + 1] & 0x3F) << 12) | ((in[i + 2] & 0x3F) << 6)
                    | (in[i + 3] & 0x3F);
                if (c < 0x10000 || c > 0x10FFFF)
                {
                    return -1;
                }
                out[n++] = Character.highSurrogate(c);
                out[n++] = Character.lowSurrogate(c);
                i += 4;
            }
            else
            {
                return -1;
            }
        }
        return n;
    }

    private static boolean isContinuation(final byte b)
    {
        return (b & 0xC0) == 0x80;
    }
}
