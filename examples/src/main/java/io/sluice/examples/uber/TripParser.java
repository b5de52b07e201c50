package io.sluice.examples.uber;

import java.time.LocalDateTime;

/**
 * Parses trip lines in the three spellings of the data: {@code 2014/8/1 00:03:00,40.7366,-73.9906,B02512} (the
 * data set's), {@code "8/1/2014 0:03:00",40.7366,-73.9906,"B02512"} (the original release's quoting) and
 * {@code 2014-08-01 00:00:00,40.729,-73.9422,B02598} (the course material's). A line that is none of them gives a
 * {@link Result} with the reason instead of a trip; nothing throws.
 */
public final class TripParser
{
    /** A trip, or the reason the line is not one (exactly one of the two is non-null). */
    public record Result(Trip trip, String reason, String line)
    {
        public boolean isTrip()
        {
            return trip != null;
        }
    }

    private TripParser()
    {
    }

    public static Result parse(final String line)
    {
        final String[] fields = line.split(",", -1);
        if (fields.length != 4)
        {
            return bad("expected 4 comma-separated fields, found " + fields.length, line);
        }
        final String when = unquote(fields[0].trim());
        if (when.equals("Date/Time"))
        {
            return bad("header line", line);
        }
        final LocalDateTime dateTime = parseDateTime(when);
        if (dateTime == null)
        {
            return bad("unrecognised date/time '" + when + "'", line);
        }
        final double lat;
        final double lon;
        try
        {
            lat = Double.parseDouble(unquote(fields[1].trim()));
            lon = Double.parseDouble(unquote(fields[2].trim()));
        }
        catch (final NumberFormatException ex)
        {
            return bad("latitude or longitude is not a number", line);
        }
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180))
        {
            return bad("latitude or longitude out of range", line);
        }
        final String base = unquote(fields[3].trim());
        if (base.isEmpty())
        {
            return bad("empty base", line);
        }
        return new Result(new Trip(dateTime, lat, lon, base), null, line);
    }

    private static Result bad(final String reason, final String line)
    {
        return new Result(null, reason, line);
    }

    private static String unquote(final String s)
    {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' ? s.substring(1, s.length() - 1)
            : s;
    }

    /** {@code y/M/d H:mm:ss}, {@code M/d/y H:mm:ss} or {@code y-MM-dd HH:mm:ss}; null if none fits. */
    static LocalDateTime parseDateTime(final String s)
    {
        final int space = s.indexOf(' ');
        if (space < 0 || s.indexOf(' ', space + 1) >= 0)
        {
            return null;
        }
        final String date = s.substring(0, space);
        final String time = s.substring(space + 1);
        final int[] d;
        final int year;
        final int month;
        final int day;
        if (date.indexOf('-') >= 0)
        {
            d = numbers(date, '-');
            if (d == null || d.length != 3)
            {
                return null;
            }
            year = d[0];
            month = d[1];
            day = d[2];
        }
        else
        {
            d = numbers(date, '/');
            if (d == null || d.length != 3)
            {
                return null;
            }
            if (date.indexOf('/') == 4)
            {
                year = d[0];
                month = d[1];
                day = d[2];
            }
            else
            {
                month = d[0];
                day = d[1];
                year = d[2];
            }
        }
        final int[] t = numbers(time, ':');
        if (t == null || (t.length != 3 && t.length != 2))
        {
            return null;
        }
        try
        {
            return LocalDateTime.of(year, month, day, t[0], t[1], t.length == 3 ? t[2] : 0);
        }
        catch (final java.time.DateTimeException ex)
        {
            return null;
        }
    }

    private static int[] numbers(final String s, final char separator)
    {
        final String[] parts = s.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        final int[] values = new int[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            if (parts[i].isEmpty() || parts[i].length() > 4)
            {
                return null;
            }
            for (int c = 0; c < parts[i].length(); c++)
            {
                if (!Character.isDigit(parts[i].charAt(c)))
                {
                    return null;
                }
            }
            values[i] = Integer.parseInt(parts[i]);
        }
        return values;
    }
}
