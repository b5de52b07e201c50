package io.sluice.api;

/**
 * A batch's job or its generation failed (Spark's {@code SparkException}): a user function threw (kept as
 * the cause), a multi-parent operator found a parent with no batch, a transform returned null.
 * {@code awaitTermination*} and the testkit's {@code advance} rethrow it.
 */
public final class SluiceException extends RuntimeException
{
    public SluiceException(final String message)
    {
        super(message);
    }

    public SluiceException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
