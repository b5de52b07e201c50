package io.sluice.api;

/**
 * Where a context reads the time. The default reads the system clock; tests use
 * {@link io.sluice.testkit.ManualClock}.
 */
@FunctionalInterface
public interface Clock
{
    long millis();

    /** The system clock ({@code System.currentTimeMillis()}). */
    Clock SYSTEM = System::currentTimeMillis;
}
