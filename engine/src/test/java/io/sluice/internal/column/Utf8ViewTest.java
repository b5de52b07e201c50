package io.sluice.internal.column;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link Utf8View} reads as {@code new String(bytes, UTF_8)}: ASCII, multi-byte, surrogate pairs, malformed input. */
class Utf8ViewTest
{
    private static void assertReadsAsString(final Utf8View view, final byte[] bytes, final int offset,
        final int length)
    {
        final String expected = new String(bytes, offset, length, StandardCharsets.UTF_8);
        view.wrap(bytes, offset, length);
        assertEquals(expected.length(), view.length());
        for (int i = 0; i < expected.length(); i++)
        {
            assertEquals(expected.charAt(i), view.charAt(i), "char " + i);
        }
        assertEquals(expected, view.toString());
        assertEquals(true, expected.contentEquals(view));
    }

    @Test
    void wellFormedText()
    {
        final Utf8View view = new Utf8View();
        for (final String text : new String[] {"", "word", "straße", "ключ-1", "日本語", "a\uD83D\uDE00b",
            "x".repeat(100) + "é"})
        {
            final byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
            assertReadsAsString(view, bytes, 1, bytes.length - 2);
        }
        assertEquals("raß", view.wrap("straße".getBytes(StandardCharsets.UTF_8), 0, 7).subSequence(2, 5).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> view.charAt(6));
    }

    @Test
    void randomBytesIncludingMalformedOnesDecodeAsTheJdk()
    {
        final Random random = new Random(42);
        final Utf8View view = new Utf8View();
        final byte[] alphabet = {'a', 'z', (byte)0xC3, (byte)0x9F, (byte)0xE2, (byte)0x82, (byte)0xAC, (byte)0xF0,
            (byte)0x9F, (byte)0x98, (byte)0x80, (byte)0xC0, (byte)0xED, (byte)0xA0, (byte)0xFF, (byte)0x80};
        for (int round = 0; round < 20_000; round++)
        {
            final byte[] bytes = new byte[random.nextInt(12)];
            for (int i = 0; i < bytes.length; i++)
            {
                bytes[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertReadsAsString(view, bytes, 0, bytes.length);
        }
    }
}
