package io.sluice.examples.uber;

import io.sluice.api.Codecs;
import io.sluice.api.TopicStart;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TripParserTest
{
    @TempDir
    Path tmp;

    @Test
    void acceptsTheThreeSpellingsOfADate()
    {
        final LocalDateTime expected = LocalDateTime.of(2014, 8, 1, 0, 3);
        for (final String line : List.of("2014/8/1 00:03:00,40.7366,-73.9906,B02512",
            "\"8/1/2014 0:03:00\",40.7366,-73.9906,\"B02512\"", "2014-08-01 00:03:00,40.7366,-73.9906,B02512"))
        {
            final TripParser.Result result = TripParser.parse(line);
            assertTrue(result.isTrip(), line + ": " + result.reason());
            assertEquals(new Trip(expected, 40.7366, -73.9906, "B02512"), result.trip());
        }
    }

    @Test
    void everyLineOfTheOriginalFormatSampleParses() throws Exception
    {
        final List<String> lines = Files.readAllLines(UberPipelineTest.DATA.resolve(
            UberData.AUGUST_ORIGINAL_FORMAT_SAMPLE));
        long trips = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            assertTrue(TripParser.parse(line).isTrip(), line);
            trips++;
        }
        assertEquals(2726, trips);
        assertEquals("header line", TripParser.parse(lines.get(0)).reason());
    }

    @Test
    void appOneReadsTheOriginalFormatSampleFromASocket() throws Exception
    {
        final List<String> lines = Files.readAllLines(UberPipelineTest.DATA.resolve(
            UberData.AUGUST_ORIGINAL_FORMAT_SAMPLE));
        final KMeansModel model = KMeansModel.parse(Files.readAllLines(UberPipelineTest.DATA.resolve(UberData.MODEL)));
        final Path topic = tmp.resolve("trips");
        final Path deadLetterTopic = tmp.resolve("dead");
        try (io.sluice.examples.feed.TextFeeder feeder = new io.sluice.examples.feed.TextFeeder(0, lines, 1_000_000,
                lines.size()).start();
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            UberTripEnricher.publish(UberTripEnricher.enrich(
                driver.context().socketTextStream(feeder.host(), feeder.port()), driver.context().broadcast(model)),
                topic, deadLetterTopic);
            driver.start();
            driver.awaitReceived(lines.size());
            driver.advance(1);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<String> trips = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            final CollectedOutput<String> dead = driver.collect(
                driver.context().chronicleTopic(deadLetterTopic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            driver.advance(1);
            assertEquals(lines.size() - 1, trips.batches().get(0).size());
            assertEquals(List.of("header line\t\"Date/Time\",\"Lat\",\"Lon\",\"Base\""), dead.batches().get(0));
            assertTrue(trips.batches().get(0).get(0).startsWith("{\"dt\":\"2014-08-01 00:03:00\",\"lat\":40.7366,"),
                trips.batches().get(0).get(0));
        }
    }

    @Test
    void malformedLinesGoToTheDeadLetterTopicWithTheirReason() throws Exception
    {
        final KMeansModel model = new KMeansModel(new double[] {40.7, 40.8}, new double[] {-74.0, -73.9});
        final List<String> batch = List.of(
            "Date/Time,Lat,Lon,Base",
            "2014/9/1 00:01:00,40.2201,-74.0021,B02512",
            "garbage",
            "2014/13/1 00:01:00,40.75,-74.0027,B02512",
            "\"9/1/2014 0:01:00\",40.75,-74.0027,\"B02512\"",
            "2014/9/1 00:01:00,north,-74.0027,B02512",
            "2014/9/1 00:01:00,40.75,-74.0027",
            "2014-09-01 00:02:00,40.79,-73.91,B02598",
            "2014/9/1 00:01:00,95.0,-74.0027,B02512",
            "2014/9/1 00:01:00,40.75,-74.0027,");
        final Path topic = tmp.resolve("trips");
        final Path deadLetterTopic = tmp.resolve("dead");
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            UberTripEnricher.publish(UberTripEnricher.enrich(driver.input(List.of(batch)),
                driver.context().broadcast(model)), topic, deadLetterTopic);
            driver.start();
            driver.advance(1);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<String> trips = driver.collect(
                driver.context().chronicleTopic(topic, TopicStart.BEGINNING, Codecs.STRING));
            final CollectedOutput<String> dead = driver.collect(
                driver.context().chronicleTopic(deadLetterTopic, TopicStart.BEGINNING, Codecs.STRING));
            driver.start();
            driver.advance(1);
            assertEquals(List.of(
                "{\"dt\":\"2014-09-01 00:01:00\",\"lat\":40.2201,\"lon\":-74.0021,\"base\":\"B02512\",\"cid\":0,"
                    + "\"clat\":40.7,\"clon\":-74.0}",
                "{\"dt\":\"2014-09-01 00:01:00\",\"lat\":40.75,\"lon\":-74.0027,\"base\":\"B02512\",\"cid\":0,"
                    + "\"clat\":40.7,\"clon\":-74.0}",
                "{\"dt\":\"2014-09-01 00:02:00\",\"lat\":40.79,\"lon\":-73.91,\"base\":\"B02598\",\"cid\":1,"
                    + "\"clat\":40.8,\"clon\":-73.9}"), trips.batches().get(0));
            assertEquals(7, dead.batches().get(0).size());
            assertEquals(List.of(
                "header line\tDate/Time,Lat,Lon,Base",
                "expected 4 comma-separated fields, found 1\tgarbage",
                "unrecognised date/time '2014/13/1 00:01:00'\t2014/13/1 00:01:00,40.75,-74.0027,B02512",
                "latitude or longitude is not a number\t2014/9/1 00:01:00,north,-74.0027,B02512",
                "expected 4 comma-separated fields, found 3\t2014/9/1 00:01:00,40.75,-74.0027",
                "latitude or longitude out of range\t2014/9/1 00:01:00,95.0,-74.0027,B02512",
                "empty base\t2014/9/1 00:01:00,40.75,-74.0027,"), dead.batches().get(0));
        }
    }
}
