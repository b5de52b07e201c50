package io.sluice.recovery;

import java.util.ArrayList;
import java.util.List;

/**
 * What a checker found: how many records were lost, duplicated or unexpected (in the checker's unit, stated by each
 * checker), how many other rule violations it saw (an order broken, a negative window), and the first
 * {@link #MAX_PROBLEMS} problems in words.
 *
 * @param checker    the checker's name.
 * @param lost       records the oracle has that the output lacks.
 * @param duplicated records the output has more often than the oracle.
 * @param unexpected records or keys in the output that the oracle does not have at all.
 * @param violations other broken rules (ordering, monotonicity, negative values, unparseable lines).
 * @param problems   the first few problems, for failure messages.
 */
public record CheckResult(String checker, long lost, long duplicated, long unexpected, long violations,
    List<String> problems)
{
    /** How many problems a result keeps in words. */
    public static final int MAX_PROBLEMS = 10;

    public CheckResult
    {
        problems = List.copyOf(problems);
    }

    /** True when nothing was lost, duplicated, unexpected or violated. */
    public boolean isClean()
    {
        return lost == 0 && duplicated == 0 && unexpected == 0 && violations == 0;
    }

    @Override
    public String toString()
    {
        return checker + ": lost=" + lost + " duplicated=" + duplicated + " unexpected=" + unexpected + " violations="
            + violations + (problems.isEmpty() ? "" : " first problems: " + problems);
    }

    /** Accumulates a result. Not thread-safe: one checker's thread. */
    public static final class Tally
    {
        private final String checker;
        private final List<String> problems = new ArrayList<>();
        private long lost;
        private long duplicated;
        private long unexpected;
        private long violations;

        public Tally(final String checker)
        {
            this.checker = checker;
        }

        public void lost(final long n, final String why)
        {
            lost += n;
            problem("lost " + n + ": " + why);
        }

        public void duplicated(final long n, final String why)
        {
            duplicated += n;
            problem("duplicated " + n + ": " + why);
        }

        public void unexpected(final long n, final String why)
        {
            unexpected += n;
            problem("unexpected " + n + ": " + why);
        }

        public void violation(final String why)
        {
            violations++;
            problem("violation: " + why);
        }

        /** A problem that is not counted (the oracle's own findings, for context). */
        public void note(final String why)
        {
            problem(why);
        }

        public CheckResult result()
        {
            return new CheckResult(checker, lost, duplicated, unexpected, violations, problems);
        }

        private void problem(final String text)
        {
            if (problems.size() < MAX_PROBLEMS)
            {
                problems.add(text);
            }
        }
    }
}
