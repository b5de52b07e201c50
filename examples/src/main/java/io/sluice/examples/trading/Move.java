package io.sluice.examples.trading;

/** A symbol's first and last trade of a batch (by sequence number): how much it moved. */
public record Move(long firstSeq, double firstPrice, long lastSeq, double lastPrice)
{
    public static Move of(final Trade trade)
    {
        return new Move(trade.seq(), trade.price(), trade.seq(), trade.price());
    }

    public Move merge(final Move other)
    {
        final boolean isFirstMine = firstSeq <= other.firstSeq;
        final boolean isLastMine = lastSeq >= other.lastSeq;
        return new Move(isFirstMine ? firstSeq : other.firstSeq, isFirstMine ? firstPrice : other.firstPrice,
            isLastMine ? lastSeq : other.lastSeq, isLastMine ? lastPrice : other.lastPrice);
    }

    /** Change from first to last price, in percent. */
    public double percent()
    {
        return (lastPrice - firstPrice) / firstPrice * 100;
    }
}
