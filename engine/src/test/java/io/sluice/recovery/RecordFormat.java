package io.sluice.recovery;

/**
 * The text of the records the {@link Feeder} sends and the lines the child writes: a record is {@code <key> <seq>}
 * ({@code k0} .. {@code k<keys-1>}, {@code seq} counting 1, 2, 3 ... per key), an output line is
 * {@code <key> <long>}.
 *
 * <p>Stateless; thread-safe. Every method allocates its result.
 */
public final class RecordFormat
{
    private RecordFormat()
    {
    }

    /** Record number {@code n} (0-based, over all keys) of a feed over {@code keys} keys. */
    public static String record(final long n, final int keys)
    {
        return "k" + (n % keys) + " " + (n / keys + 1);
    }

    /** The key of a record or output line: the text before the first space (the whole line when there is none). */
    public static String key(final String line)
    {
        final int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }

    /**
     * The number after the key of an output line {@code <key> <long>}.
     *
     * @throws NumberFormatException when the line has no space or the rest is not a long.
     */
    public static long value(final String line)
    {
        final int space = line.indexOf(' ');
        if (space < 0)
        {
            throw new NumberFormatException("no value in \"" + line + "\"");
        }
        return Long.parseLong(line.substring(space + 1));
    }

    /** An output line. */
    public static String line(final CharSequence key, final long value)
    {
        return key + " " + value;
    }
}
