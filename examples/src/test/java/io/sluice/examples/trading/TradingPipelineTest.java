package io.sluice.examples.trading;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TradingPipelineTest
{
    private static final int TRADES = 50;
    private static final int TICKS = 30;
    private static final int WINDOW_BATCHES = 4;
    private static final int TOP = 3;

    @Test
    void vwapWindowsAndTopMoversEqualAPlainRecomputationOfTheSimulatedTrades()
    {
        final TickSimulator simulator = new TickSimulator(3, TRADES);
        final int batches = TICKS + WINDOW_BATCHES;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<Trade> trades = driver.context().receiverStream(
                new TradeReceiver(simulator, driver.clock(), 1000, TICKS), TradeCodec.INSTANCE).cache();
            final CollectedOutput<Pair<String, Vwap>> vwaps = driver.collect(TradingPipeline.vwap(trades,
                Duration.ofSeconds(WINDOW_BATCHES), Duration.ofSeconds(1)));
            final CollectedOutput<Pair<String, Double>> movers = driver.collect(TradingPipeline.topMovers(trades, TOP));
            driver.start();
            for (int b = 1; b <= batches; b++)
            {
                driver.awaitReceived((long)TRADES * Math.min(b, TICKS));
                driver.advance(1);
            }
            for (int b = 1; b <= batches; b++)
            {
                // window ending with batch b: ticks b - WINDOW_BATCHES .. b - 1
                final Map<String, double[]> expected = new TreeMap<>(); // notional, volume, trades
                for (long tick = Math.max(0, b - WINDOW_BATCHES); tick <= b - 1 && tick < TICKS; tick++)
                {
                    for (final Trade t : simulator.tick(tick))
                    {
                        final double[] s = expected.computeIfAbsent(t.symbol(), k -> new double[3]);
                        s[0] += t.price() * t.qty();
                        s[1] += t.qty();
                        s[2]++;
                    }
                }
                final Map<String, Vwap> actual = new TreeMap<>();
                vwaps.batches().get(b - 1).forEach(p -> actual.put(p.key(), p.value()));
                assertEquals(expected.keySet(), actual.keySet(), "symbols in window ending with batch " + b);
                for (final Map.Entry<String, double[]> e : expected.entrySet())
                {
                    final Vwap v = actual.get(e.getKey());
                    assertEquals((long)e.getValue()[2], v.trades(), e.getKey() + " trades, batch " + b);
                    assertEquals((long)e.getValue()[1], v.volume(), e.getKey() + " volume, batch " + b);
                    assertEquals(e.getValue()[0] / e.getValue()[1], v.price(), 1e-6, e.getKey() + " vwap, batch " + b);
                }

                final List<Pair<String, Double>> expectedMovers = new ArrayList<>();
                if (b - 1 < TICKS)
                {
                    final Map<String, double[]> firstLast = new TreeMap<>();
                    for (final Trade t : simulator.tick(b - 1))
                    {
                        final double[] fl = firstLast.computeIfAbsent(t.symbol(), k -> new double[] {t.price(), 0});
                        fl[1] = t.price();
                    }
                    firstLast.forEach((symbol, fl) -> expectedMovers.add(Pair.of(symbol, (fl[1] - fl[0]) / fl[0] * 100)));
                    expectedMovers.sort(Comparator.comparingDouble((Pair<String, Double> p) -> -Math.abs(p.value()))
                        .thenComparing(Pair::key));
                }
                assertEquals(expectedMovers.subList(0, Math.min(TOP, expectedMovers.size())),
                    movers.batches().get(b - 1), "movers of batch " + b);
            }
            assertEquals(List.of(), vwaps.batches().get(batches - 1), "the last window is past the last tick");
        }
    }
}
