package io.sluice.perf.cli;

/**
 * The command line is wrong; the message says how, and the caller adds the usage text.
 */
final class UsageException extends Exception
{
    private static final long serialVersionUID = 1L;

    UsageException(final String message)
    {
        super(message);
    }
}
