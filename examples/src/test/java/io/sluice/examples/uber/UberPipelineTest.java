package io.sluice.examples.uber;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.TopicStart;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both Uber applications on the real September 2014 trips, each in its own context as two processes would run them,
 * connected by a Chronicle topic; the counts are checked against a plain-Java computation over the same file.
 */
class UberPipelineTest
{
    static final Path DATA = Path.of("src/main/resources/uber");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final int CHUNKS = 3;

    @TempDir
    Path tmp;

    @Test
    void bothAppsOnTheSeptemberTripsMatchAnIndependentComputation() throws Exception
    {
        // the trainer, on August
        final Path modelFile = tmp.resolve("model.csv");
        UberTrainer.main(new String[] {"--input", DATA.resolve(UberData.AUGUST).toString(), "--k", "10",
            "--out", modelFile.toString()});
        final KMeansModel model = KMeansModel.load(modelFile);
        assertEquals(10, model.k());

        final Path september = DATA.resolve(UberData.SEPTEMBER);
        final List<String> lines = Files.readAllLines(september, StandardCharsets.UTF_8);
        final Path topic = tmp.resolve("topics/uber-trips");
        final Path deadLetterTopic = tmp.resolve("topics/uber-dead-letters");

        // App 1: the file arrives in three parts, one batch each
        final Path watched = Files.createDirectories(tmp.resolve("in"));
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> input = driver.context().textFileStream(watched);
            UberTripEnricher.publish(UberTripEnricher.enrich(input, driver.context().broadcast(model)), topic,
                deadLetterTopic);
            driver.start();
            final int chunk = (lines.size() + CHUNKS - 1) / CHUNKS;
            for (int c = 0; c < CHUNKS; c++)
            {
                final List<String> part = lines.subList(c * chunk, Math.min(lines.size(), (c + 1) * chunk));
                final Path staged = tmp.resolve("part-" + c);
                Files.write(staged, part, StandardCharsets.UTF_8);
                Files.move(staged, watched.resolve("part-" + c + ".csv"), StandardCopyOption.ATOMIC_MOVE);
                driver.awaitReceived(Math.min(lines.size(), (long)(c + 1) * chunk));
                driver.advance(1);
            }
        }

        // App 2, later, in its own context: the topic's trips, windows of 2 batches sliding every batch
        final Expected expected = expected(september, modelFile);
        assertEquals(lines.size() - 1, expected.trips, "every line but the header is a trip");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> json = driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING);
            final CollectedOutput<String> published = driver.collect(json);
            final CollectedOutput<String> deadLetters = driver.collect(
                driver.context().chronicleTopic(deadLetterTopic, TopicStart.BEGINNING, Codecs.STRING));
            final UberPopularClusters.Streams report = UberPopularClusters.popularity(json, SECOND.multipliedBy(2),
                SECOND);
            final CollectedOutput<Pair<UberPopularClusters.HourCluster, Long>> hourly =
                driver.collect(report.hourlyCounts());
            final CollectedOutput<Pair<Integer, Long>> windowed = driver.collect(report.windowCounts());
            driver.start();
            driver.advance(3);

            assertEquals(expected.trips, published.batches().get(0).size());
            assertEquals(List.of("header line\tDate/Time,Lat,Lon,Base"), deadLetters.batches().get(0));
            // every published line is App 1's enrichment of a September trip
            assertEquals(expected.firstJson, published.batches().get(0).get(0));

            final Map<String, Long> hourlyActual = new TreeMap<>();
            for (final Pair<UberPopularClusters.HourCluster, Long> row : hourly.batches().get(2))
            {
                hourlyActual.put(row.key().dateHour() + " #" + row.key().cid(), row.value());
            }
            assertEquals(expected.byHourAndCluster, hourlyActual);

            final List<List<Pair<Integer, Long>>> windows = windowed.batches();
            assertEquals(expected.byCluster, asMap(windows.get(0)));
            assertEquals(expected.byCluster, asMap(windows.get(1)));
            assertEquals(Map.of(), asMap(windows.get(2)), "every trip has left the 2-batch window by batch 3");

            final Pair<Integer, Long> mostPopular = UberPopularClusters.top(windows.get(0), 1).get(0);
            assertEquals(expected.mostPopularCluster, mostPopular.key().intValue());
            System.out.println("uber september: " + expected.trips + " trips, 1 dead letter, "
                + expected.byHourAndCluster.size() + " (date-hour, cluster) counts and " + expected.byCluster
                + " per cluster equal to the independent computation");
        }
    }

    @Test
    void appTwoFollowsAppOneRunningAsSeparateProcesses() throws Exception
    {
        final Path modelFile = DATA.resolve(UberData.MODEL);
        final List<String> lines = Files.readAllLines(DATA.resolve(UberData.SEPTEMBER), StandardCharsets.UTF_8);
        final Path topic = tmp.resolve("topics/uber-trips");
        final Path deadLetterTopic = tmp.resolve("topics/uber-dead-letters");
        final int chunk = (lines.size() + CHUNKS - 1) / CHUNKS;
        final List<Path> parts = new java.util.ArrayList<>();
        for (int c = 0; c < CHUNKS; c++)
        {
            final Path part = tmp.resolve("part-" + c + ".csv");
            Files.write(part, lines.subList(c * chunk, Math.min(lines.size(), (c + 1) * chunk)), StandardCharsets.UTF_8);
            parts.add(part);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> json = driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING);
            final UberPopularClusters.Streams report = UberPopularClusters.popularity(json, SECOND.multipliedBy(2),
                SECOND);
            final CollectedOutput<Pair<UberPopularClusters.HourCluster, Long>> hourly =
                driver.collect(report.hourlyCounts());
            final CollectedOutput<Pair<Integer, Long>> windowed = driver.collect(report.windowCounts());
            driver.start();
            for (final Path part : parts)
            {
                // App 1 as its own process on one part of the file; App 2's next batch holds what it published
                runAppOne(part, modelFile, topic, deadLetterTopic);
                driver.advance(1);
            }
            driver.advance(2);

            final List<Map<Integer, Long>> perPart = new java.util.ArrayList<>();
            for (final Path part : parts)
            {
                perPart.add(expected(part, modelFile).byCluster);
            }
            final List<Map<Integer, Long>> expectedWindows = List.of(perPart.get(0), sum(perPart.get(0), perPart.get(1)),
                sum(perPart.get(1), perPart.get(2)), perPart.get(2), Map.of());
            for (int b = 0; b < expectedWindows.size(); b++)
            {
                assertEquals(expectedWindows.get(b), asMap(windowed.batches().get(b)), "window ending with batch "
                    + (b + 1));
            }
            final Map<String, Long> hourlyActual = new TreeMap<>();
            for (final Pair<UberPopularClusters.HourCluster, Long> row : hourly.batches().get(4))
            {
                hourlyActual.put(row.key().dateHour() + " #" + row.key().cid(), row.value());
            }
            assertEquals(expected(DATA.resolve(UberData.SEPTEMBER), modelFile).byHourAndCluster, hourlyActual);
        }
    }

    private static Map<Integer, Long> sum(final Map<Integer, Long> a, final Map<Integer, Long> b)
    {
        final Map<Integer, Long> sum = new TreeMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return sum;
    }

    private static void runAppOne(final Path input, final Path model, final Path topic, final Path deadLetters)
        throws Exception
    {
        final List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            if (argument.startsWith("--add-") || argument.startsWith("--enable-native-access")
                || argument.startsWith("-Dchronicle"))
            {
                command.add(argument);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), UberTripEnricher.class.getName(),
            "--input", input.toString(), "--model", model.toString(), "--topic", topic.toString(),
            "--dead-letters", deadLetters.toString(), "--interval-ms", "200", "--append"));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS), "App 1 did not finish");
        assertEquals(0, process.exitValue(), "App 1's exit value");
    }

    private static Map<Integer, Long> asMap(final List<Pair<Integer, Long>> pairs)
    {
        final Map<Integer, Long> map = new TreeMap<>();
        for (final Pair<Integer, Long> pair : pairs)
        {
            map.put(pair.key(), pair.value());
        }
        return map;
    }

    private record Expected(long trips, Map<String, Long> byHourAndCluster, Map<Integer, Long> byCluster,
        int mostPopularCluster, String firstJson)
    {
    }

    /** Plain Java over the same file: its own line pattern, its own distance loop over the saved centres. */
    private static Expected expected(final Path file, final Path modelFile) throws IOException
    {
        final List<double[]> centres = new java.util.ArrayList<>();
        for (final String line : Files.readAllLines(modelFile))
        {
            final String[] parts = line.split(",");
            centres.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
        }
        final Pattern trip = Pattern.compile(
            "(\\d{4})/(\\d{1,2})/(\\d{1,2}) (\\d{1,2}):\\d{2}:\\d{2},(-?[\\d.]+),(-?[\\d.]+),(B\\d+)");
        final Map<String, Long> byHour = new TreeMap<>();
        final Map<Integer, Long> byCluster = new TreeMap<>();
        long trips = 0;
        String firstJson = null;
        for (final String line : Files.readAllLines(file))
        {
            final Matcher m = trip.matcher(line);
            if (!m.matches())
            {
                continue;
            }
            trips++;
            final double lat = Double.parseDouble(m.group(5));
            final double lon = Double.parseDouble(m.group(6));
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < centres.size(); c++)
            {
                final double d = Math.pow(lat - centres.get(c)[0], 2) + Math.pow(lon - centres.get(c)[1], 2);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = c;
                }
            }
            final String dateHour = String.format("%s-%02d-%02d %02d", m.group(1), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            byHour.merge(dateHour + " #" + best, 1L, Long::sum);
            byCluster.merge(best, 1L, Long::sum);
            if (firstJson == null)
            {
                firstJson = "{\"dt\":\"" + dateHour + line.substring(line.indexOf(':'), line.indexOf(',')) + "\",\"lat\":"
                    + m.group(5) + ",\"lon\":" + m.group(6) + ",\"base\":\"" + m.group(7) + "\",\"cid\":" + best
                    + ",\"clat\":" + centres.get(best)[0] + ",\"clon\":" + centres.get(best)[1] + "}";
            }
        }
        int most = -1;
        long mostCount = -1;
        for (final Map.Entry<Integer, Long> e : byCluster.entrySet())
        {
            if (e.getValue() > mostCount)
            {
                most = e.getKey();
                mostCount = e.getValue();
            }
        }
        return new Expected(trips, byHour, byCluster, most, firstJson);
    }

    @Test
    void aRerunOfApp1StartsItsTopicsAfreshUnlessAppending(@org.junit.jupiter.api.io.TempDir final Path dir)
        throws Exception
    {
        final Path topic = dir.resolve("trips");
        final Path deadLetters = dir.resolve("dead");
        java.nio.file.Files.createDirectories(topic);
        java.nio.file.Files.writeString(topic.resolve("20261204F.cq4"), "an earlier run's records");
        assertEquals(0, UberTripEnricher.startAfresh(deadLetters), "nothing there: nothing removed");
        assertEquals(1, UberTripEnricher.startAfresh(topic, deadLetters));
        assertTrue(!java.nio.file.Files.exists(topic), "the earlier run's topic is gone");
    }
}
