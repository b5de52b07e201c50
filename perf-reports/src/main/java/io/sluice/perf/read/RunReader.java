package io.sluice.perf.read;

import io.sluice.perf.model.Run;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a result file of either supported kind, chosen by content: JMH JSON (starts with {@code [} or
 * {@code {}) or HdrHistogram percentile text. Stateless and thread-safe.
 */
public final class RunReader
{
    private final JmhJsonReader jmh = new JmhJsonReader();
    private final HdrPercentileReader hdr = new HdrPercentileReader();

    /**
     * Reads one file.
     *
     * @param file      the file
     * @param overrides command-line label fields
     * @return the run
     * @throws BadInputException if the file is missing, unreadable, of neither kind, or malformed
     */
    public Run read(final Path file, final LabelOverrides overrides) throws BadInputException
    {
        final String source = file.toString();
        final String text;
        try
        {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final NoSuchFileException e)
        {
            throw new BadInputException(source + ": no such file");
        }
        catch (final CharacterCodingException e)
        {
            throw new BadInputException(source + ": not UTF-8 text (is it a result file?)");
        }
        catch (final IOException e)
        {
            throw new BadInputException(source + ": cannot read: " + e.getMessage());
        }
        final Sidecar sidecar = Sidecar.of(file);
        final String trimmed = text.stripLeading();
        if (trimmed.isEmpty() || trimmed.startsWith("[") || trimmed.startsWith("{"))
        {
            return jmh.read(source, text, sidecar, overrides);
        }
        if (HdrPercentileReader.looksLike(text))
        {
            return hdr.read(source, text, sidecar, overrides);
        }
        throw new BadInputException(source + ": neither JMH JSON (-rf json) nor HdrHistogram percentile output");
    }
}
