package io.sluice.api;

/**
 * Where a context reads the time. The default reads the system clock; tests use
 * {@link io.sluice.testkit.ManualClock}.
 */
@FunctionalInterface
public interface Clock
{
    /** The current time in milliseconds since the epoch (the batch times are multiples of the interval on it). */
    long millis();

    /** The system clock ({@code System.currentTimeMillis()}). */
    Clock SYSTEM = System::currentTimeMillis;
}
