package io.sluice.internal.context;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Parses durations in config values: {@code 500ms}, {@code 2s}, {@code 1m}, {@code 1h} or ISO-8601 {@code PT2S}. */
public final class Durations
{
    private Durations()
    {
    }

    public static Duration parse(final String key, final String text)
    {
        final String value = text.trim();
        try
        {
            if (value.startsWith("P") || value.startsWith("p"))
            {
                return Duration.parse(value);
            }
            if (value.endsWith("ms"))
            {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2).trim()));
            }
            final long amount = Long.parseLong(value.substring(0, value.length() - 1).trim());
            return switch (value.charAt(value.length() - 1))
            {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException(value);
            };
        }
        catch (final NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException ex)
        {
            throw new IllegalArgumentException(key + " must be a duration such as 500ms, 2s, 1m or PT2S, was '"
                + text + "'");
        }
    }
}
