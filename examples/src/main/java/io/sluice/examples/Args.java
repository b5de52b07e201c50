package io.sluice.examples;

/**
 * The examples' command-line options: a cursor over {@code args} whose value readers fail with a
 * {@link UsageException} (the message says what was wrong; {@link Main} prints it with the usage text and exits 2),
 * never with an {@code ArrayIndexOutOfBoundsException} or a {@code NumberFormatException}.
 *
 * <pre>{@code
 * final Args a = new Args(args, USAGE);
 * while (a.hasNext())
 * {
 *     switch (a.next())
 *     {
 *         case "--port" -> port = a.intValue();
 *         case "--help", "-h" -> { a.printUsage(); return; }
 *         default -> throw a.unknown();
 *     }
 * }
 * }</pre>
 */
public final class Args
{
    /** A wrong command line: its message says what, {@link #usage()} how to write it. */
    public static final class UsageException extends IllegalArgumentException
    {
        private static final long serialVersionUID = 1L;
        private final String usage;

        UsageException(final String message, final String usage)
        {
            super(message);
            this.usage = usage;
        }

        public String usage()
        {
            return usage;
        }
    }

    private final String[] args;
    private final String usage;
    private int next;
    private String option;

    public Args(final String[] args, final String usage)
    {
        this.args = args;
        this.usage = usage;
    }

    public boolean hasNext()
    {
        return next < args.length;
    }

    /** The next option name. */
    public String next()
    {
        option = args[next++];
        return option;
    }

    /** The current option's value. */
    public String value()
    {
        if (next >= args.length)
        {
            throw new UsageException("option " + option + " needs a value", usage);
        }
        return args[next++];
    }

    public int intValue()
    {
        final String v = value();
        try
        {
            return Integer.parseInt(v);
        }
        catch (final NumberFormatException e)
        {
            throw new UsageException("option " + option + " needs a whole number, got '" + v + "'", usage);
        }
    }

    public long longValue()
    {
        final String v = value();
        try
        {
            return Long.parseLong(v);
        }
        catch (final NumberFormatException e)
        {
            throw new UsageException("option " + option + " needs a whole number, got '" + v + "'", usage);
        }
    }

    public double doubleValue()
    {
        final String v = value();
        try
        {
            return Double.parseDouble(v);
        }
        catch (final NumberFormatException e)
        {
            throw new UsageException("option " + option + " needs a number, got '" + v + "'", usage);
        }
    }

    /** The exception for an option no case matched. */
    public UsageException unknown()
    {
        return new UsageException("unknown option " + option, usage);
    }

    /** A wrong value the example found itself. */
    public UsageException invalid(final String message)
    {
        return new UsageException(message, usage);
    }

    /** Prints the usage text ({@code --help}). */
    public void printUsage()
    {
        System.out.print(usage);
    }
}
