package io.sluice.internal.context;

/**
 * One documented configuration key: its name, default (as text) and what it does.
 */
public record ConfigKey(String name, String defaultValue, String description)
{
}
