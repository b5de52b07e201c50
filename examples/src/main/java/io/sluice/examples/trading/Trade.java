package io.sluice.examples.trading;

/** One trade: symbol, sequence number (global, increasing), price and quantity. */
public record Trade(String symbol, long seq, double price, long qty)
{
}
