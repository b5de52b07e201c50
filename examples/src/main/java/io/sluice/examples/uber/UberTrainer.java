package io.sluice.examples.uber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the k-means centres of the trips' pickup points (the course's offline step) and saves them as a small file.
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.uber.UberTrainer --k 10 --out model.csv
 * </pre>
 */
public final class UberTrainer
{
    static final String USAGE = """
        UberTrainer: k-means centres of Uber pickups, saved as one lat,lon line per centre.
          --input FILE     trip lines (default: the bundled August 2014 trips)
          --k N            number of clusters (default 10)
          --seed S         seed of the k-means++ start (default 42)
          --iterations N   most Lloyd iterations (default 50)
          --out FILE       where to save the model (default model.csv)
        """;

    private UberTrainer()
    {
    }

    /** Trains on the parsable trips of {@code input}; malformed lines are counted and skipped. */
    public static KMeansModel train(final Path input, final int k, final long seed, final int iterations)
        throws IOException
    {
        final List<double[]> points = new ArrayList<>();
        for (final String line : Files.readAllLines(input, StandardCharsets.UTF_8))
        {
            final TripParser.Result result = TripParser.parse(line);
            if (result.isTrip())
            {
                points.add(new double[] {result.trip().lat(), result.trip().lon()});
            }
        }
        return KMeansModel.train(points, k, seed, iterations);
    }

    public static void main(final String[] args) throws IOException
    {
        String input = null;
        int k = 10;
        long seed = 42;
        int iterations = 50;
        Path out = Path.of("model.csv");
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--input" -> input = a.value();
                case "--k" -> k = a.intValue();
                case "--seed" -> seed = a.longValue();
                case "--iterations" -> iterations = a.intValue();
                case "--out" -> out = Path.of(a.value());
                case "--help", "-h" ->
                {
                    a.printUsage();
                    return;
                }
                default -> throw a.unknown();
            }
        }
        final Path file = UberData.fileOrBundled(input, UberData.AUGUST);
        final KMeansModel model = train(file, k, seed, iterations);
        model.save(out);
        System.out.println("trained " + model.k() + " centres from " + (input == null ? UberData.AUGUST : input)
            + " into " + out);
        for (int c = 0; c < model.k(); c++)
        {
            System.out.println("  cluster " + c + ": " + model.lat(c) + "," + model.lon(c));
        }
    }
}
