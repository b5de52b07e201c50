package io.sluice.examples.trading;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.StreamingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Trading: a simulated tick stream, per-symbol VWAP and trade count over a sliding window (incremental: sums with an
 * inverse), and the top-N movers of every batch (largest absolute change from a symbol's first to last trade).
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.trading.TradingPipeline --top 3
 * </pre>
 */
public final class TradingPipeline
{
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

    /** Per symbol, VWAP sums over the last {@code window}, every {@code slide}; symbols without trades leave. */
    public static PairDStream<String, Vwap> vwap(final DStream<Trade> trades, final Duration window,
        final Duration slide)
    {
        return trades.mapToPair(trade -> Pair.of(trade.symbol(), Vwap.of(trade)))
            .reduceByKeyAndWindow(Vwap::plus, Vwap::minus, window, slide, (symbol, sums) -> sums.trades() > 0);
    }

    /** The {@code n} symbols that moved most in each batch, largest absolute change first (ties: by symbol). */
    public static DStream<Pair<String, Double>> topMovers(final DStream<Trade> trades, final int n)
    {
        return trades.mapToPair(trade -> Pair.of(trade.symbol(), Move.of(trade)))
            .reduceByKey(Move::merge)
            .transform((batch, time) ->
            {
                final List<Pair<String, Double>> moves = new ArrayList<>();
                for (final Pair<String, Move> pair : batch)
                {
                    moves.add(Pair.of(pair.key(), pair.value().percent()));
                }
                moves.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.value()))
                    .thenComparing(Pair::key));
                return moves.subList(0, Math.min(n, moves.size()));
            });
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
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--trades" -> tradesPerTick = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--window-ms" -> windowMs = Long.parseLong(args[++i]);
                case "--slide-ms" -> slideMs = Long.parseLong(args[++i]);
                case "--interval-ms" -> intervalMs = Long.parseLong(args[++i]);
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--checkpoint" -> checkpoint = Path.of(args[++i]);
                case "--help", "-h" ->
                {
                    System.out.print(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        final Path checkpointDir = checkpoint != null ? checkpoint : Files.createTempDirectory("sluice-trading-");
        try (StreamingContext ssc = StreamingContext.builder().appName("trading")
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
