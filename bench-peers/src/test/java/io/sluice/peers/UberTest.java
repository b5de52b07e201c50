package io.sluice.peers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UberTest
{
    @Test
    void theThreeDateSpellingsGiveTheSameKey()
    {
        final String key = Uber.key("2014/8/1 00:03:00,40.7366,-73.9906,B02512");
        assertEquals(key, Uber.key("\"8/1/2014 0:03:00\",40.7366,-73.9906,\"B02512\""));
        assertEquals(key, Uber.key("2014-08-01 00:03:00,40.7366,-73.9906,B02512"));
        assertTrue(key.endsWith("@h0"), key);
    }

    @Test
    void everyShippedRowParses()
    {
        final String[] rows = Uber.rows();
        assertEquals(65_535, rows.length);
        for (final String row : rows)
        {
            assertTrue(Uber.key(row).matches("c\\d@h\\d{1,2}"), row);
        }
    }

    @Test
    void aRowThatIsNotATripIsRejected()
    {
        assertThrows(IllegalArgumentException.class, () -> Uber.key("Date/Time"));
    }
}
