package io.sluice.peers;

import java.util.SplittableRandom;

/**
 * A small NEXMark event generator and the per-event functions of queries 1 and 2, shared by every engine.
 *
 * <p>Events follow the NEXMark proportions: of every 50 events, 1 person, 3 auctions and 46 bids, numbered in order;
 * ids are dense from 1000; a bid names an auction among the last 100 opened (hot auctions) and a bidder among the
 * persons so far; prices are cents; event time advances 1 ms per event from 2015-07-15T00:00:00Z. Events are CSV
 * text: {@code P,id,name,city,state}, {@code A,id,seller,category,initialBid,expires},
 * {@code B,auction,bidder,price,dateTime}. Deterministic for a seed.
 *
 * <p>q1 (currency conversion): every bid as (auction, bidder, dateTime) with price × 0.908 (dollars to euros, in
 * integer cents: {@code price * 908 / 1000}). q2 (selection): bids whose auction id is a multiple of 123, with their
 * price. q5 (hot items): bids per auction over a sliding window of {@link Spec#Q5_WINDOW_BATCHES} batches, slide 1,
 * then per window the auction(s) with the most bids, ties all kept ({@link HotItems}); the output (and the check)
 * is (window's last batch, auction, bids) per hot auction.
 */
public final class Nexmark
{
    private static final long FIRST_ID = 1000;
    private static final long BASE_TIME_MS = 1_436_918_400_000L;
    private static final int HOT_AUCTIONS = 100;

    private Nexmark()
    {
    }

    /** @return events {@code 0 .. count-1}. */
    public static String[] generate(final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final String[] events = new String[count];
        long persons = 0;
        long auctions = 0;
        for (int n = 0; n < count; n++)
        {
            final int slot = n % 50;
            final long time = BASE_TIME_MS + n;
            if (0 == slot)
            {
                final long id = FIRST_ID + persons++;
                events[n] = "P," + id + ",person" + id + ",city" + random.nextInt(10) + ",OR";
            }
            else if (slot <= 3)
            {
                final long id = FIRST_ID + auctions++;
                final long seller = FIRST_ID + random.nextLong(Math.max(1, persons));
                events[n] = "A," + id + "," + seller + "," + (10 + random.nextInt(5)) + "," +
                    (100 + random.nextInt(10_000)) + "," + (time + 10_000 + random.nextInt(100_000));
            }
            else
            {
                final long auction = FIRST_ID + Math.max(0, auctions - 1 - random.nextInt(HOT_AUCTIONS));
                final long bidder = FIRST_ID + random.nextLong(Math.max(1, persons));
                events[n] = "B," + auction + "," + bidder + "," + (100 + random.nextInt(1_000_000)) + "," + time;
            }
        }
        return events;
    }

    public static boolean isBid(final String event)
    {
        return event.startsWith("B,");
    }

    /** q1's output key: {@code auction,bidder,dateTime}. */
    public static String q1Key(final String bid)
    {
        final String[] f = bid.split(",");
        return f[1] + "," + f[2] + "," + f[4];
    }

    /** q1's output value: the price in euro cents. */
    public static long q1Euros(final String bid)
    {
        return Long.parseLong(bid.split(",")[3]) * 908 / 1000;
    }

    /** q2's predicate: a bid on an auction whose id is a multiple of 123. */
    public static boolean isQ2(final String event)
    {
        return isBid(event) && 0 == Long.parseLong(event.split(",")[1]) % 123;
    }

    /** q5's key: the auction a bid is for. */
    public static String auction(final String bid)
    {
        return bid.substring(2, bid.indexOf(',', 2));
    }

    /** q5's key as a number (the fast path's long key), parsed without allocating. */
    public static long auctionId(final String bid)
    {
        long id = 0;
        for (int i = 2; i < bid.length(); i++)
        {
            final char c = bid.charAt(i);
            if (',' == c)
            {
                break;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }

    /** @return the index of the event a q1 or q2 output key ({@code auction,bidder,dateTime}) came from. */
    public static long eventIndex(final String q1Key)
    {
        return Long.parseLong(q1Key.substring(q1Key.lastIndexOf(',') + 1)) - BASE_TIME_MS;
    }

    /** q2's output key: {@code auction,bidder,dateTime}; value: the price. */
    public static long q2Price(final String bid)
    {
        return Long.parseLong(bid.split(",")[3]);
    }
}
