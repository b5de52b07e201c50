package io.sluice.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The built-in codecs. Each is stateless and shared by every thread; none allocates in {@code encode}.
 * Numbers are written in native byte order (little-endian on every platform Sluice supports).
 *
 * <ul>
 *     <li>{@link #STRING}: UTF-8 bytes, no length prefix (the log frames every record). Unpaired surrogates
 *     become {@code '?'}, as {@link String#getBytes} does.</li>
 *     <li>{@link #LONG}: 8 bytes.</li>
 *     <li>{@link #DOUBLE}: 8 bytes, the IEEE 754 bits.</li>
 *     <li>{@link #BYTES}: the array's bytes as they are.</li>
 * </ul>
 * {@code null} values are rejected with a {@link NullPointerException}.
 */
public final class Codecs
{
    /** UTF-8 text. */
    public static final Codec<String> STRING = new StringCodec();

    /** A {@code long} in 8 bytes. */
    public static final Codec<Long> LONG = new LongCodec();

    /** A {@code double} in 8 bytes. */
    public static final Codec<Double> DOUBLE = new DoubleCodec();

    /** Raw bytes. */
    public static final Codec<byte[]> BYTES = new BytesCodec();

    private Codecs()
    {
    }

    private static final class StringCodec implements Codec<String>
    {
        public int encode(final String value, final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            final int length = value.length();
            final int limit = offset + maxLength;
            int position = offset;
            for (int i = 0; i < length; i++)
            {
                final char c = value.charAt(i);
                if (c < 0x80)
                {
                    if (position + 1 > limit)
                    {
                        return -1;
                    }
                    buffer.putByte(position++, (byte)c);
                }
                else if (c < 0x800)
                {
                    if (position + 2 > limit)
                    {
                        return -1;
                    }
                    buffer.putByte(position++, (byte)(0xC0 | (c >> 6)));
                    buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                }
                else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1)))
                {
                    if (position + 4 > limit)
                    {
                        return -1;
                    }
                    final int codePoint = Character.toCodePoint(c, value.charAt(++i));
                    buffer.putByte(position++, (byte)(0xF0 | (codePoint >> 18)));
                    buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 12) & 0x3F)));
                    buffer.putByte(position++, (byte)(0x80 | ((codePoint >> 6) & 0x3F)));
                    buffer.putByte(position++, (byte)(0x80 | (codePoint & 0x3F)));
                }
                else if (Character.isSurrogate(c))
                {
                    if (position + 1 > limit)
                    {
                        return -1;
                    }
                    buffer.putByte(position++, (byte)'?');
                }
                else
                {
                    if (position + 3 > limit)
                    {
                        return -1;
                    }
                    buffer.putByte(position++, (byte)(0xE0 | (c >> 12)));
                    buffer.putByte(position++, (byte)(0x80 | ((c >> 6) & 0x3F)));
                    buffer.putByte(position++, (byte)(0x80 | (c & 0x3F)));
                }
            }
            return position - offset;
        }

        public String decode(final DirectBuffer buffer, final int offset, final int length)
        {
            return buffer.getStringWithoutLengthUtf8(offset, length);
        }

        public String name()
        {
            return "string";
        }
    }

    private static final class LongCodec implements Codec<Long>
    {
        public int encode(final Long value, final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            final long v = value;
            if (maxLength < Long.BYTES)
            {
                return -1;
            }
            buffer.putLong(offset, v);
            return Long.BYTES;
        }

        public Long decode(final DirectBuffer buffer, final int offset, final int length)
        {
            checkLength(this, length, Long.BYTES);
            return buffer.getLong(offset);
        }

        public String name()
        {
            return "long";
        }
    }

    private static final class DoubleCodec implements Codec<Double>
    {
        public int encode(final Double value, final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            final double v = value;
            if (maxLength < Double.BYTES)
            {
                return -1;
            }
            buffer.putDouble(offset, v);
            return Double.BYTES;
        }

        public Double decode(final DirectBuffer buffer, final int offset, final int length)
        {
            checkLength(this, length, Double.BYTES);
            return buffer.getDouble(offset);
        }

        public String name()
        {
            return "double";
        }
    }

    private static final class BytesCodec implements Codec<byte[]>
    {
        private static final int SMALL_COPY_MAX_BYTES = 128;
        private static final VarHandle NATIVE_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

        public int encode(final byte[] value, final MutableDirectBuffer buffer, final int offset, final int maxLength)
        {
            final int length = value.length;
            if (length > maxLength)
            {
                return -1;
            }
            if (length <= SMALL_COPY_MAX_BYTES)
            {
                // word by word: for small arrays Unsafe.copyMemory (behind putBytes) costs more than the copy
                int i = 0;
                for (final int words = length & ~7; i < words; i += 8)
                {
                    buffer.putLong(offset + i, (long)NATIVE_LONGS.get(value, i));
                }
                for (; i < length; i++)
                {
                    buffer.putByte(offset + i, value[i]);
                }
            }
            else
            {
                buffer.putBytes(offset, value, 0, length);
            }
            return length;
        }

        public byte[] decode(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] value = new byte[length];
            buffer.getBytes(offset, value, 0, length);
            return value;
        }

        public String name()
        {
            return "bytes";
        }
    }

    private static void checkLength(final Codec<?> codec, final int length, final int expected)
    {
        if (length != expected)
        {
            throw new IllegalArgumentException(
                "a " + codec.name() + " record is " + expected + " bytes, got " + length + ": wrong codec for this stream?");
        }
    }
}
