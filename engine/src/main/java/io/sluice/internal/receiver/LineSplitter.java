package io.sluice.internal.receiver;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a file's bytes into UTF-8 lines for {@link DirectoryReceiver} and hands each to a {@link Sink}, with the
 * rules of {@link LineAssembler} (and its dead-letter reasons): a line ends at '\n' (a '\r' before it is dropped), the
 * last line may end at end of input; a line longer than {@code maxLineBytes}, or not valid UTF-8, is rejected with the
 * reason. Unlike {@code LineAssembler} the caller decides what a line becomes (stored, or skipped because a crashed run
 * already stored it) and can tell whether input ended inside a line ({@link #hasPartialLine()}).
 *
 * <p>Not thread-safe: one reading thread owns it. Reusable across files ({@link #reset}); allocates its line buffer
 * once, then per line only the decoded {@code String}.
 */
final class LineSplitter
{
    /** What becomes of the lines. Called on the thread that calls {@link #accept} and {@link #finish}. */
    interface Sink
    {
        /** The next line, without its line end. */
        void line(String text);

        /** A line rejected with {@code reason}; {@code record} is what is kept of it. */
        void reject(String record, String reason);
    }

    private final Sink sink;
    private final int maxLineBytes;
    private final byte[] line;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private String source = "";
    private int length;
    private long overlongLength;
    private long lineNumber;

    LineSplitter(final Sink sink, final int maxLineBytes)
    {
        this.sink = sink;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[maxLineBytes + 1];
    }

    /** Starts a new input named {@code source} in reasons ("file /in/a.txt"); drops what was left of the last one. */
    void reset(final String source)
    {
        this.source = source;
        length = 0;
        overlongLength = 0;
        lineNumber = 0;
    }

    /** Takes the next bytes of the input. */
    void accept(final byte[] chunk, final int offset, final int count)
    {
        final byte[] line = this.line;
        for (int i = offset, end = offset + count; i < end; i++)
        {
            final byte b = chunk[i];
            if (b == '\n')
            {
                endLine();
            }
            else if (overlongLength > 0)
            {
                overlongLength++;
            }
            else if (length < line.length)
            {
                line[length++] = b;
            }
            else
            {
                overlongLength = length + 1L;
            }
        }
    }

    /** Whether bytes after the last '\n' are pending (a last line without a line end, or a cut one). */
    boolean hasPartialLine()
    {
        return length > 0 || overlongLength > 0;
    }

    /** The input ended whole: a last line without '\n' is still a line. */
    void finish()
    {
        if (hasPartialLine())
        {
            endLine();
        }
    }

    private void endLine()
    {
        lineNumber++;
        if (overlongLength == 0 && length > 0 && line[length - 1] == '\r')
        {
            length--;
        }
        if (overlongLength > 0 || length > maxLineBytes)
        {
            final long total = overlongLength > 0 ? overlongLength : length;
            final int kept = Math.min(length, maxLineBytes);
            length = 0;
            overlongLength = 0;
            sink.reject(new String(line, 0, kept, StandardCharsets.UTF_8),
                "line " + lineNumber + " of " + source + " has " + total + " bytes, more than sluice.socket.maxLineBytes="
                    + maxLineBytes + "; its first " + maxLineBytes + " bytes are kept here");
            return;
        }
        final int count = length;
        length = 0;
        try
        {
            final CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, count));
            sink.line(chars.toString());
        }
        catch (final CharacterCodingException ex)
        {
            sink.reject(new String(line, 0, count, StandardCharsets.ISO_8859_1),
                "line " + lineNumber + " of " + source + " is not valid UTF-8 (kept here decoded as ISO-8859-1)");
        }
    }
}
