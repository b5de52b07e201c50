package io.sluice.api;

/**
 * Where a {@linkplain StreamingContext#chronicleTopic Chronicle topic} input starts reading: at the
 * {@link #BEGINNING} of the queue, at its {@link #END} (only documents appended after start), or right
 * {@linkplain #after(long) after a stored position}, the Chronicle index of the last document already consumed
 * (what {@link TopicDStream#positionAfter(Time)} returns).
 *
 * <p>Immutable. {@link #toString()} and {@link #parse(String)} round-trip, so a position can be kept in a file.
 */
public final class TopicStart
{
    /** Every document in the queue, from the first. */
    public static final TopicStart BEGINNING = new TopicStart(Kind.BEGINNING, -1);

    /** Only documents appended after the input starts. */
    public static final TopicStart END = new TopicStart(Kind.END, -1);

    private enum Kind
    {
        BEGINNING, END, AFTER
    }

    private final Kind kind;
    private final long index;

    private TopicStart(final Kind kind, final long index)
    {
        this.kind = kind;
        this.index = index;
    }

    /** The documents after the one at Chronicle index {@code lastConsumedIndex} (which must exist in the queue). */
    public static TopicStart after(final long lastConsumedIndex)
    {
        if (lastConsumedIndex < 0)
        {
            throw new IllegalArgumentException("a Chronicle index is >= 0, was " + lastConsumedIndex);
        }
        return new TopicStart(Kind.AFTER, lastConsumedIndex);
    }

    /** Reads what {@link #toString()} wrote: {@code beginning}, {@code end} or {@code after:<index>}. */
    public static TopicStart parse(final String text)
    {
        final String s = text.trim();
        if (s.equalsIgnoreCase("beginning"))
        {
            return BEGINNING;
        }
        if (s.equalsIgnoreCase("end"))
        {
            return END;
        }
        if (s.startsWith("after:"))
        {
            return after(Long.parseLong(s.substring("after:".length())));
        }
        throw new IllegalArgumentException("not a topic start: '" + text + "' (beginning, end or after:<index>)");
    }

    public boolean isBeginning()
    {
        return kind == Kind.BEGINNING;
    }

    public boolean isEnd()
    {
        return kind == Kind.END;
    }

    /** The last consumed index of an {@link #after(long)} start; -1 for BEGINNING and END. */
    public long lastConsumedIndex()
    {
        return index;
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof TopicStart other && other.kind == kind && other.index == index;
    }

    @Override
    public int hashCode()
    {
        return kind.hashCode() * 31 + Long.hashCode(index);
    }

    @Override
    public String toString()
    {
        return switch (kind)
        {
            case BEGINNING -> "beginning";
            case END -> "end";
            case AFTER -> "after:" + index;
        };
    }
}
