package io.sluice.peers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NexmarkTest
{
    @Test
    void eventsFollowTheNexmarkProportionsAndAreDeterministic()
    {
        final String[] events = Nexmark.generate(5_000, 7);
        assertArrayEquals(events, Nexmark.generate(5_000, 7));
        int persons = 0;
        int auctions = 0;
        int bids = 0;
        for (final String event : events)
        {
            switch (event.charAt(0))
            {
                case 'P' -> persons++;
                case 'A' -> auctions++;
                default -> bids++;
            }
        }
        assertEquals(100, persons);
        assertEquals(300, auctions);
        assertEquals(4_600, bids);
    }

    @Test
    void q1ConvertsThePriceAndQ2SelectsAuctionsDivisibleBy123()
    {
        final String bid = "B,1107,1003,1000,1436918400049";
        assertEquals("1107,1003,1436918400049", Nexmark.q1Key(bid));
        assertEquals(908, Nexmark.q1Euros(bid));
        assertEquals(true, Nexmark.isQ2(bid));
        assertEquals(false, Nexmark.isQ2("B,1108,1003,1000,1436918400049"));
        assertEquals(false, Nexmark.isQ2("A,1107,1003,10,100,1436918500049"));
    }
}
