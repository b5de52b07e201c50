package io.sluice.peers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Uber pipeline's input and per-record function, shared by every engine: real New York pickups (August 2014,
 * 65,535 rows, {@code resources/uber}); each row is parsed (three date spellings, optional quotes), assigned to the
 * nearest of {@value #CENTROIDS} fixed centroids (rows 0, n/10, 2n/10, … of the file: deterministic, no training
 * step) and keyed by {@code c<cluster>@h<hour>}; the workload counts rows per key per batch.
 */
public final class Uber
{
    public static final int CENTROIDS = 10;
    private static final String RESOURCE = "/uber/uber-raw-data-aug14.csv";
    private static final String[] ROWS = load();
    private static final double[] CENTROID_LAT = new double[CENTROIDS];
    private static final double[] CENTROID_LON = new double[CENTROIDS];

    static
    {
        for (int c = 0; c < CENTROIDS; c++)
        {
            final String[] fields = ROWS[c * (ROWS.length / CENTROIDS)].split(",");
            CENTROID_LAT[c] = Double.parseDouble(fields[1]);
            CENTROID_LON[c] = Double.parseDouble(fields[2]);
        }
    }

    private Uber()
    {
    }

    /** @return the data rows (header dropped), in file order. */
    public static String[] rows()
    {
        return ROWS.clone();
    }

    /**
     * @return {@code c<nearest centroid>@h<hour of day>} for one CSV row.
     * @throws IllegalArgumentException if the row is not a trip.
     */
    public static String key(final String row)
    {
        return keyName(packedKey(row));
    }

    /**
     * @return the key of one CSV row packed in a long: {@code cluster * 100 + hour} (the fast path's long key).
     * @throws IllegalArgumentException if the row is not a trip.
     */
    public static long packedKey(final String row)
    {
        final String[] fields = row.replace("\"", "").split(",");
        if (fields.length < 3)
        {
            throw new IllegalArgumentException("not an Uber trip row: " + row);
        }
        final String dateTime = fields[0];
        final int space = dateTime.indexOf(' ');
        final int colon = dateTime.indexOf(':', space);
        final int hour = Integer.parseInt(dateTime.substring(space + 1, colon).trim());
        final double lat = Double.parseDouble(fields[1]);
        final double lon = Double.parseDouble(fields[2]);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < CENTROIDS; c++)
        {
            final double dLat = lat - CENTROID_LAT[c];
            final double dLon = lon - CENTROID_LON[c];
            final double distance = dLat * dLat + dLon * dLon;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }
        return best * 100L + hour;
    }

    /** @return {@code c<cluster>@h<hour>} for a key made by {@link #packedKey}. */
    public static String keyName(final long packedKey)
    {
        return "c" + packedKey / 100 + "@h" + packedKey % 100;
    }

    private static String[] load()
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            Uber.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)))
        {
            final List<String> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine())
            {
                if (!line.isBlank())
                {
                    rows.add(line);
                }
            }
            return rows.toArray(new String[0]);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
