package io.sluice.perf.read;

/**
 * An input file or argument this tool cannot use. The message is complete and meant for the user as is
 * (it names the file and, where known, the position); callers print it, never the stack trace.
 */
public final class BadInputException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the user-facing message, without an {@code error:} prefix
     */
    public BadInputException(final String message)
    {
        super(message);
    }
}
