package io.sluice.examples.trading;

import io.sluice.api.Codec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A {@link Trade}: seq (long), price (double), qty (long), then the symbol's ASCII bytes (up to 16).
 * Stateless; {@code encode} allocates nothing.
 */
public final class TradeCodec implements Codec<Trade>
{
    public static final TradeCodec INSTANCE = new TradeCodec();

    static final int SEQ_OFFSET = 0;
    static final int PRICE_OFFSET = 8;
    static final int QTY_OFFSET = 16;
    static final int SYMBOL_OFFSET = 24;
    static final int MAX_SYMBOL_LENGTH = 16;

    @Override
    public int encode(final Trade value, final MutableDirectBuffer buffer, final int offset, final int maxLength)
    {
        final String symbol = value.symbol();
        final int length = SYMBOL_OFFSET + symbol.length();
        if (symbol.length() > MAX_SYMBOL_LENGTH)
        {
            throw new IllegalArgumentException("symbol longer than " + MAX_SYMBOL_LENGTH + " characters: " + symbol);
        }
        if (maxLength < length)
        {
            return -1;
        }
        buffer.putLong(offset + SEQ_OFFSET, value.seq());
        buffer.putDouble(offset + PRICE_OFFSET, value.price());
        buffer.putLong(offset + QTY_OFFSET, value.qty());
        for (int i = 0; i < symbol.length(); i++)
        {
            buffer.putByte(offset + SYMBOL_OFFSET + i, (byte)symbol.charAt(i));
        }
        return length;
    }

    @Override
    public Trade decode(final DirectBuffer buffer, final int offset, final int length)
    {
        return new Trade(buffer.getStringWithoutLengthAscii(offset + SYMBOL_OFFSET, length - SYMBOL_OFFSET),
            buffer.getLong(offset + SEQ_OFFSET), buffer.getDouble(offset + PRICE_OFFSET),
            buffer.getLong(offset + QTY_OFFSET));
    }

    @Override
    public String name()
    {
        return "trade";
    }
}
