package io.sluice.internal.receiver;

import io.sluice.api.Receiver;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into UTF-8 lines for a text receiver: a line ends at '\n' (a '\r' before it is dropped);
 * the last line may end at end of input. A line longer than {@code maxLineBytes}, or one that is not valid UTF-8,
 * goes to the receiver's dead-letter queue with the reason instead of the stream: nothing is dropped silently.
 *
 * <p>Not thread-safe: one receiving thread owns it.
 */
final class LineAssembler
{
    private final Receiver<String> receiver;
    private final String source;
    private final int maxLineBytes;
    private final byte[] line;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int length;
    private long overlongLength;
    private long lineNumber;

    LineAssembler(final Receiver<String> receiver, final String source, final int maxLineBytes)
    {
        this.receiver = receiver;
        this.source = source;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[maxLineBytes + 1];
    }

    /** Takes the next bytes of the input. */
    void accept(final byte[] chunk, final int offset, final int count)
    {
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

    /**
     * The input broke off (a connection reset, a read timeout): a partial line is not a record; it goes to the
     * dead-letter queue with {@code why}, so it is neither half-stored nor silently lost.
     */
    void abandon(final String why)
    {
        if (length > 0 || overlongLength > 0)
        {
            lineNumber++;
            final long total = overlongLength > 0 ? overlongLength : length;
            receiver.storeDeadLetter(new String(line, 0, Math.min(length, maxLineBytes), StandardCharsets.UTF_8),
                "line " + lineNumber + " of " + source + " was cut off after " + total + " bytes by " + why
                    + ": the sender's input ended mid-line, so it is not a record");
            length = 0;
            overlongLength = 0;
        }
    }

    /** The input ended: a last line without '\n' is still a line. */
    void finish()
    {
        if (length > 0 || overlongLength > 0)
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
            receiver.storeDeadLetter(new String(line, 0, Math.min(length, maxLineBytes), StandardCharsets.UTF_8),
                "line " + lineNumber + " of " + source + " has " + total + " bytes, more than sluice.socket.maxLineBytes="
                    + maxLineBytes + "; its first " + maxLineBytes + " bytes are kept here");
        }
        else
        {
            final String text = decode();
            if (text != null)
            {
                receiver.store(text);
            }
        }
        length = 0;
        overlongLength = 0;
    }

    private String decode()
    {
        try
        {
            final CharBuffer chars = decoder.decode(ByteBuffer.wrap(line, 0, length));
            return chars.toString();
        }
        catch (final CharacterCodingException ex)
        {
            receiver.storeDeadLetter(new String(line, 0, length, StandardCharsets.ISO_8859_1),
                "line " + lineNumber + " of " + source + " is not valid UTF-8 (kept here decoded as ISO-8859-1)");
            return null;
        }
    }
}
