package io.sluice.examples.trading;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.StreamingContext;
import io.sluice.api.StringLongPairDStream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Trading: a simulated tick stream, per-symbol VWAP and trade count over a sliding window (incremental: sums with an
 * inverse), and the top-N movers of every batch (largest absolute change from a symbol's first to last trade). The
 * per-trade work runs on the fast path ({@code StringLongPairDStream} windows and reductions on long sums); only the
 * per-symbol results are boxed.
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.trading.TradingPipeline --top 3
 * </pre>
 */
public final class TradingPipeline
{
    /** Prices are below this many cents (24 bits); sequence numbers below 2^39. */
    static final long MAX_CENTS = 1L << 24;

    static final String USAGE = """
        TradingPipeline: per-symbol VWAP and trade count over a sliding window; top-N movers per batch.
          --trades N         simulated trades per tick (default 200)
          --seed S           simulator seed (default 1)
          --top N            movers per batch (default 3)
          --window-ms MS     window length (default 5000)
          --slide-ms MS      slide (default 1000)
          --interval-ms MS   batch interval and tick (default 1000)
          --batches N        batches before a graceful stop (default 6; 0 = until Ctrl-C)
          --checkpoint DIR   checkpoint directory (default: a temporary directory)
        """;

    private TradingPipeline()
    {
    }

    /**
     * Per symbol, VWAP sums over the last {@code window}, every {@code slide}; symbols without trades leave. The sums
     * run on the fast path: notional (price in cents x quantity, exact), volume and trade count are three
     * {@code StringLongPairDStream} windows with an inverse (symbols hashed as bytes, no boxing per trade); only the
     * few symbols of each window are joined back into {@link Vwap}s.
     */
    public static PairDStream<String, Vwap> vwap(final DStream<Trade> trades, final Duration window,
        final Duration slide)
    {
        final StringLongPairDStream notionalCents = windowedSum(
            trades.mapToStringLongPair(Trade::symbol, trade -> cents(trade.price()) * trade.qty()), window, slide);
        final StringLongPairDStream volume = windowedSum(trades.mapToStringLongPair(Trade::symbol, Trade::qty), window,
            slide);
        final StringLongPairDStream count = windowedSum(trades.mapToStringLongPair(Trade::symbol, trade -> 1L), window,
            slide);
        return notionalCents.boxed().join(volume.boxed()).join(count.boxed())
            .mapValues(sums -> new Vwap(sums.key().key() / 100.0, sums.key().value(), sums.value()));
    }

    private static StringLongPairDStream windowedSum(final StringLongPairDStream values, final Duration window,
        final Duration slide)
    {
        return values.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (symbol, sum) -> sum != 0);
    }

    /** A price (at most two decimals, below {@link #MAX_CENTS} cents) in whole cents. */
    static long cents(final double price)
    {
        return Math.round(price * 100);
    }

    /**
     * The {@code n} symbols that moved most in each batch, largest absolute change first (ties: by symbol). A
     * symbol's first and last trade come from two fast-path {@code reduceByKey}s (min and max) over one long per
     * trade, its sequence number above its price in cents ({@link #seqAndCents}); only the per-symbol results are
     * boxed.
     */
    public static DStream<Pair<String, Double>> topMovers(final DStream<Trade> trades, final int n)
    {
        final StringLongPairDStream first = trades.mapToStringLongPair(Trade::symbol, TradingPipeline::seqAndCents)
            .reduceByKey(Math::min);
        final StringLongPairDStream last = trades.mapToStringLongPair(Trade::symbol, TradingPipeline::seqAndCents)
            .reduceByKey(Math::max);
        return first.boxed().join(last.boxed())
            .transform((batch, time) ->
            {
                final List<Pair<String, Double>> moves = new ArrayList<>();
                for (final Pair<String, Pair<Long, Long>> pair : batch)
                {
                    final double firstPrice = (pair.value().key() & (MAX_CENTS - 1)) / 100.0;
                    final double lastPrice = (pair.value().value() & (MAX_CENTS - 1)) / 100.0;
                    moves.add(Pair.of(pair.key(), (lastPrice - firstPrice) / firstPrice * 100));
                }
                moves.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.value()))
                    .thenComparing(Pair::key));
                return moves.subList(0, Math.min(n, moves.size()));
            });
    }

    /** A trade as one long that orders by sequence number: {@code seq << 24 | price in cents}. */
    static long seqAndCents(final Trade trade)
    {
        final long cents = cents(trade.price());
        if (cents < 0 || cents >= MAX_CENTS || trade.seq() < 0 || trade.seq() >= 1L << 39)
        {
            throw new IllegalArgumentException("price or sequence number out of range: " + trade);
        }
        return trade.seq() << 24 | cents;
    }

    public static void main(final String[] args) throws Exception
    {
        int tradesPerTick = 200;
        long seed = 1;
        int top = 3;
        long windowMs = 5000;
        long slideMs = 1000;
        long intervalMs = 1000;
        int batches = 6;
        Path checkpoint = null;
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--trades" -> tradesPerTick = a.intValue();
                case "--seed" -> seed = a.longValue();
                case "--top" -> top = a.intValue();
                case "--window-ms" -> windowMs = a.longValue();
                case "--slide-ms" -> slideMs = a.longValue();
                case "--interval-ms" -> intervalMs = a.longValue();
                case "--batches" -> batches = a.intValue();
                case "--checkpoint" -> checkpoint = Path.of(a.value());
                case "--help", "-h" ->
                {
                    a.printUsage();
                    return;
                }
                default -> throw a.unknown();
            }
        }
        final Path checkpointDir = checkpoint != null ? checkpoint : io.sluice.examples.TempDirs.deletedOnExit("sluice-trading-");
        try (StreamingContext ssc = StreamingContext.builder().appName("trading")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(Duration.ofMillis(intervalMs)).checkpointDir(checkpointDir).build())
        {
            final DStream<Trade> trades = ssc.receiverStream(
                new TradeReceiver(new TickSimulator(seed, tradesPerTick), ssc.clock(), intervalMs, Long.MAX_VALUE),
                TradeCodec.INSTANCE).cache();
            vwap(trades, Duration.ofMillis(windowMs), Duration.ofMillis(slideMs)).print(TickSimulator.SYMBOLS.size());
            topMovers(trades, top).map(p -> String.format(Locale.ROOT, "mover %s %+.3f%%", p.key(), p.value()))
                .print(top);
            System.out.println("trading: " + tradesPerTick + " simulated trades per " + intervalMs + " ms; VWAP over "
                + windowMs + " ms sliding every " + slideMs + " ms; top " + top + " movers per batch");
            ssc.start();
            if (batches > 0)
            {
                ssc.awaitTerminationOrTimeout(Duration.ofMillis(intervalMs * batches + intervalMs / 2));
                ssc.stop(true);
            }
            else
            {
                ssc.awaitTermination();
            }
        }
    }
}
