package io.sluice.examples.uber;

import java.time.LocalDateTime;

/** One Uber pickup: when, where, and the base that dispatched it. */
public record Trip(LocalDateTime dateTime, double lat, double lon, String base)
{
}
