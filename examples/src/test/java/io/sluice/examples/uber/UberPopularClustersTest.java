package io.sluice.examples.uber;

import io.sluice.api.LongLongBatch;
import io.sluice.api.Pair;
import io.sluice.api.Time;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UberPopularClustersTest
{
    @Test
    void theLongKeyOfATripLineIsItsHourSinceTheEpochAndItsCluster()
    {
        for (LocalDateTime t = LocalDateTime.of(1899, 12, 31, 23, 59, 59); t.getYear() < 2101; t = t.plusHours(97))
        {
            for (final int cid : new int[] {0, 7, 999})
            {
                final String json = new EnrichedTrip(t, 40.7, -73.9, "B02512", cid, 40.71, -73.91).toJson();
                final long key = UberPopularClusters.hourClusterKey(json);
                assertEquals(Math.floorDiv(t.toEpochSecond(ZoneOffset.UTC), 3600) * 1000 + cid, key, json);
                final UberPopularClusters.HourCluster back = UberPopularClusters.hourCluster(key);
                assertEquals(new UberPopularClusters.HourCluster(new EnrichedTrip(t, 0, 0, "B", cid, 0, 0).dateHour(),
                    cid), back);
            }
        }
    }

    @Test
    void aLineWithoutAClusterOrWithATooLargeOneIsRejected()
    {
        assertThrows(IllegalArgumentException.class,
            () -> UberPopularClusters.hourClusterKey("{\"dt\":\"2014-09-01 00:01:00\",\"lat\":40.2}"));
        assertThrows(IllegalArgumentException.class,
            () -> UberPopularClusters.hourClusterKey("{\"dt\":\"2014-09-01 00:01:00\",\"cid\":1000}"));
        assertThrows(IllegalArgumentException.class,
            () -> UberPopularClusters.hourClusterKey("{\"dt\":\"2014-9-01 00:01:00\",\"cid\":1}"));
    }

    @Test
    void topBreaksTiesByTheSmallerKey()
    {
        final long[] keys = {9, 4, 7, 1, 3, 8};
        final long[] values = {5, 7, 5, 2, 7, 5};
        final LongLongBatch batch = new LongLongBatch()
        {
            @Override
            public Time time()
            {
                return new Time(1000);
            }

            @Override
            public int size()
            {
                return keys.length;
            }

            @Override
            public long key(final int i)
            {
                return keys[i];
            }

            @Override
            public long value(final int i)
            {
                return values[i];
            }
        };
        // values 7 (keys 3, 4), then 5 (keys 7, 8, 9), then 2
        assertArrayEquals(new int[] {4, 1, 2, 5}, UberPopularClusters.top(batch, 4));
        assertArrayEquals(new int[] {4, 1, 2, 5, 0, 3}, UberPopularClusters.top(batch, 10));
        assertArrayEquals(new int[0], UberPopularClusters.top(batch, 0));
        assertEquals(List.of(Pair.of(3L, 7L), Pair.of(4L, 7L), Pair.of(7L, 5L)), UberPopularClusters.top(
            List.of(Pair.of(9L, 5L), Pair.of(4L, 7L), Pair.of(7L, 5L), Pair.of(3L, 7L)), 3));
    }
}
