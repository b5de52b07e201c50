package io.sluice.examples.uber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * k-means cluster centres over (lat, lon): trained by Lloyd's algorithm from a k-means++ start with a fixed seed,
 * saved as a small text file (one {@code lat,lon} line per centre, cluster id = line number from 0). Immutable.
 */
public final class KMeansModel
{
    private final double[] lats;
    private final double[] lons;

    public KMeansModel(final double[] lats, final double[] lons)
    {
        if (lats.length != lons.length || lats.length == 0)
        {
            throw new IllegalArgumentException("a model needs as many latitudes as longitudes, at least one");
        }
        this.lats = lats.clone();
        this.lons = lons.clone();
    }

    public int k()
    {
        return lats.length;
    }

    public double lat(final int cid)
    {
        return lats[cid];
    }

    public double lon(final int cid)
    {
        return lons[cid];
    }

    /** The id of the centre nearest to the point (squared Euclidean distance in degrees; the first on ties). */
    public int nearest(final double lat, final double lon)
    {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < lats.length; c++)
        {
            final double dLat = lat - lats[c];
            final double dLon = lon - lons[c];
            final double distance = dLat * dLat + dLon * dLon;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    /** Trains {@code k} centres over {@code points} ({@code [lat, lon]} each). */
    public static KMeansModel train(final List<double[]> points, final int k, final long seed, final int maxIterations)
    {
        if (points.size() < k)
        {
            throw new IllegalArgumentException("k = " + k + " needs at least k points, got " + points.size());
        }
        final Random random = new Random(seed);
        final double[] lats = new double[k];
        final double[] lons = new double[k];
        final double[] first = points.get(random.nextInt(points.size()));
        lats[0] = first[0];
        lons[0] = first[1];
        final double[] distances = new double[points.size()];
        for (int c = 1; c < k; c++)
        {
            double total = 0;
            for (int i = 0; i < points.size(); i++)
            {
                final double[] p = points.get(i);
                double best = Double.MAX_VALUE;
                for (int j = 0; j < c; j++)
                {
                    final double dLat = p[0] - lats[j];
                    final double dLon = p[1] - lons[j];
                    best = Math.min(best, dLat * dLat + dLon * dLon);
                }
                distances[i] = best;
                total += best;
            }
            double target = random.nextDouble() * total;
            int chosen = points.size() - 1;
            for (int i = 0; i < points.size(); i++)
            {
                target -= distances[i];
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }
            lats[c] = points.get(chosen)[0];
            lons[c] = points.get(chosen)[1];
        }
        KMeansModel model = new KMeansModel(lats, lons);
        for (int iteration = 0; iteration < maxIterations; iteration++)
        {
            final double[] sumLat = new double[k];
            final double[] sumLon = new double[k];
            final long[] counts = new long[k];
            for (final double[] p : points)
            {
                final int c = model.nearest(p[0], p[1]);
                sumLat[c] += p[0];
                sumLon[c] += p[1];
                counts[c]++;
            }
            final double[] newLats = new double[k];
            final double[] newLons = new double[k];
            for (int c = 0; c < k; c++)
            {
                newLats[c] = counts[c] == 0 ? model.lats[c] : sumLat[c] / counts[c];
                newLons[c] = counts[c] == 0 ? model.lons[c] : sumLon[c] / counts[c];
            }
            final KMeansModel next = new KMeansModel(newLats, newLons);
            final boolean isConverged = java.util.Arrays.equals(newLats, model.lats)
                && java.util.Arrays.equals(newLons, model.lons);
            model = next;
            if (isConverged)
            {
                break;
            }
        }
        return model;
    }

    /** Writes one {@code lat,lon} line per centre (full double precision, so a reload gives the same centres). */
    public void save(final Path file) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (int c = 0; c < lats.length; c++)
        {
            lines.add(String.format(Locale.ROOT, "%s,%s", Double.toString(lats[c]), Double.toString(lons[c])));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static KMeansModel load(final Path file) throws IOException
    {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static KMeansModel parse(final List<String> lines)
    {
        final List<double[]> centres = new ArrayList<>();
        for (final String line : lines)
        {
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final String[] parts = line.split(",");
            centres.add(new double[] {Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim())});
        }
        final double[] lats = new double[centres.size()];
        final double[] lons = new double[centres.size()];
        for (int c = 0; c < centres.size(); c++)
        {
            lats[c] = centres.get(c)[0];
            lons[c] = centres.get(c)[1];
        }
        return new KMeansModel(lats, lons);
    }
}
