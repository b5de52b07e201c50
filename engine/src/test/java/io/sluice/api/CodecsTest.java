package io.sluice.api;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CodecsTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));

    @Test
    void stringRoundTripsAsciiNonAsciiAndSurrogatePairs()
    {
        final String[] values = {
            "", "hello", "caf\u00e9 \u00fcber", "\u4e2d\u6587\u5b57", "emoji \ud83d\ude00 and \ud834\udd1e clef",
            "\u0000nul", "mixed \u00e9\u4e2d\ud83d\ude00a"
        };
        for (final String value : values)
        {
            final int length = Codecs.STRING.encode(value, buffer, 3, 200);
            final byte[] expected = value.getBytes(StandardCharsets.UTF_8);
            assertEquals(expected.length, length, value);
            final byte[] actual = new byte[length];
            buffer.getBytes(3, actual);
            assertArrayEquals(expected, actual, value);
            assertEquals(value, Codecs.STRING.decode(buffer, 3, length));
        }
    }

    @Test
    void stringReplacesUnpairedSurrogatesLikeTheJdk()
    {
        final String value = "a\ud83db\ude00c\ud83d";
        final int length = Codecs.STRING.encode(value, buffer, 0, 200);
        final byte[] actual = new byte[length];
        buffer.getBytes(0, actual);
        assertArrayEquals(value.getBytes(StandardCharsets.UTF_8), actual);
    }

    @Test
    void stringReturnsMinusOneWhenItDoesNotFitAtEveryBoundary()
    {
        final String value = "a\u00e9\u4e2d\ud83d\ude00";
        final int needed = value.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(10, needed);
        for (int max = 0; max < needed; max++)
        {
            assertEquals(-1, Codecs.STRING.encode(value, buffer, 0, max), "maxLength " + max);
        }
        assertEquals(needed, Codecs.STRING.encode(value, buffer, 0, needed));
    }

    @Test
    void longAndDoubleRoundTripAndRefuseShortSpace()
    {
        assertEquals(8, Codecs.LONG.encode(Long.MIN_VALUE, buffer, 5, 8));
        assertEquals(Long.MIN_VALUE, Codecs.LONG.decode(buffer, 5, 8));
        assertEquals(-1, Codecs.LONG.encode(1L, buffer, 0, 7));
        assertEquals(8, Codecs.DOUBLE.encode(-0.5e-300, buffer, 1, 100));
        assertEquals(-0.5e-300, Codecs.DOUBLE.decode(buffer, 1, 8));
        assertEquals(-1, Codecs.DOUBLE.encode(1.0, buffer, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> Codecs.LONG.decode(buffer, 0, 4));
    }

    @Test
    void bytesRoundTripAndRefuseShortSpace()
    {
        final byte[] value = {1, 2, 3, (byte)0xFF};
        assertEquals(4, Codecs.BYTES.encode(value, buffer, 7, 4));
        assertArrayEquals(value, Codecs.BYTES.decode(buffer, 7, 4));
        assertEquals(-1, Codecs.BYTES.encode(value, buffer, 0, 3));
        assertEquals(0, Codecs.BYTES.encode(new byte[0], buffer, 0, 0));
    }

    @Test
    void bytesOfEverySizeAroundTheWordCopyRoundTrip()
    {
        for (final int length : new int[]{1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 200})
        {
            final byte[] value = new byte[length];
            for (int i = 0; i < length; i++)
            {
                value[i] = (byte)(i * 31 + length);
            }
            buffer.setMemory(0, 256, (byte)0x5A);
            assertEquals(length, Codecs.BYTES.encode(value, buffer, 3, 250));
            assertArrayEquals(value, Codecs.BYTES.decode(buffer, 3, length), "length " + length);
            assertEquals((byte)0x5A, buffer.getByte(3 + length), "nothing written past the record");
        }
    }

    @Test
    void namesAreStable()
    {
        assertEquals("string", Codecs.STRING.name());
        assertEquals("long", Codecs.LONG.name());
        assertEquals("double", Codecs.DOUBLE.name());
        assertEquals("bytes", Codecs.BYTES.name());
    }
}
