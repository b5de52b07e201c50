package io.sluice.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one crash case: a {@link Feeder}, then one child JVM ({@link CrashChildMain}) per {@link LifePlan}, each
 * killed with SIGKILL at its crash point or by the harness and restarted on the same checkpoint directory, then a
 * last unarmed life that runs until the feed is drained and stops gracefully; then the {@link LogOracle} reads the
 * log and the axis's checker compares the batch files with it.
 *
 * <p>Kills are never timed with sleeps: a life ends when the child printed the crash marker and exited, or when the
 * harness counted its k-th {@code BATCH} line and killed it, or when it was told to stop (a stop file) after the
 * feeder's drain signal and, for a window, a batch time a window and two intervals past the drain. A per-life
 * timeout is only a safety net. An armed life that stops gracefully because its point was never reached is
 * reported in {@link Run#pointsNeverHit()}, never taken for a pass.
 *
 * <p>Layout of {@code workDir}: {@code checkpoint/} (the engine's; the log is {@code checkpoint/log/}),
 * {@code out/} (batch files), {@code stop} (the stop file), {@code tmp/} (the child's {@code java.io.tmpdir}).
 *
 * <p>Called from one test thread; it owns the feeder and the children of the case and stops them before returning.
 */
public final class CrashHarness
{
    /** What one case runs. */
    public record Settings(PipelineAxis axis, long records, int keys, long intervalMs, int chunk,
        Duration lifeTimeout, Sabotage sabotage)
    {
        /** The same settings with {@code sabotage} in the child. */
        public Settings with(final Sabotage sabotage)
        {
            return new Settings(axis, records, keys, intervalMs, chunk, lifeTimeout, sabotage);
        }
    }

    /** How a life ended. */
    public enum Outcome
    {
        /** The engine printed {@code SLUICE-CRASH <point>} and died. */
        CRASHED,
        /** The harness killed it after its k-th batch. */
        KILLED,
        /** Graceful stop, exit 0. */
        STOPPED,
        /** Any other exit. */
        FAILED,
        /** The safety timeout ran out; the child was killed. */
        TIMED_OUT
    }

    /**
     * One life.
     *
     * @param receiverErrors the child's {@code RECEIVER-ERROR} lines (errors its receiver reported).
     * @param recoveryMs     from the process start to its first {@code BATCH} line; -1 when it printed none.
     */
    public record Life(int number, LifePlan plan, Outcome outcome, int exitCode, String crashMarker, int batches,
        int receiverErrors, long recoveryMs, List<String> tail)
    {
    }

    /** Lives and recovery times listed one by one in a summary line up to this many. */
    private static final int MAX_LISTED = 12;

    /** One case's lives, the oracle's reading and the checker's result. */
    public record Run(Settings settings, List<Life> lives, List<String> pointsNeverHit,
        String failure, LogContents log, CheckResult check, long feederSent, int connections, long elapsedMs)
    {
        /** Lives after the first. */
        public int restarts()
        {
            return lives.size() - 1;
        }

        /** Lives that ended in a SIGKILL (crash point or harness). */
        public int kills()
        {
            return (int)lives.stream().filter(l -> l.outcome() == Outcome.CRASHED || l.outcome() == Outcome.KILLED)
                .count();
        }

        /** The recovery times of every restarted life that printed a batch. */
        public List<Long> recoveryMs()
        {
            final List<Long> times = new ArrayList<>();
            for (final Life life : lives.subList(Math.min(1, lives.size()), lives.size()))
            {
                if (life.recoveryMs() >= 0)
                {
                    times.add(life.recoveryMs());
                }
            }
            return times;
        }

        /** True when every life went as planned, every point was hit and the checker and oracle found nothing. */
        public boolean isClean()
        {
            return failure == null && pointsNeverHit.isEmpty() && check.isClean() && log.duplicates() == 0
                && log.unsealedRecords() == 0 && log.resealedRecords() == 0 && log.problems().isEmpty();
        }

        /**
         * Whether the log holds the feed's first record. Informational, not part of {@link #isClean()}: the feed
         * is a socket, which cannot acknowledge, so lines the feeder wrote that were still in the first life's TCP
         * buffers when it was killed (a crash point counts seals, and the first batches may be empty) were never
         * accepted; the oracle is what the log holds, and every record in it must be counted exactly once.
         */
        public boolean isLogComplete()
        {
            return log.records().isEmpty() || log.records().contains(RecordFormat.record(0, settings.keys()));
        }

        /** The one-line summary: {@code crash <label> <axis> restarts=n: records=... lost=... ...}. */
        public String summary(final String label)
        {
            final StringBuilder line = new StringBuilder()
                .append("crash ").append(label).append(' ').append(settings.axis().id())
                .append(settings.sabotage() == Sabotage.NONE ? "" : "+sabotage:" + settings.sabotage())
                .append(" restarts=").append(restarts()).append(':')
                .append(" records=").append(log.records().size())
                .append(" lost=").append(check.lost())
                .append(" duplicated=").append(check.duplicated())
                .append(" unexpected=").append(check.unexpected())
                .append(" violations=").append(check.violations())
                .append(" log_duplicates=").append(log.duplicates())
                .append(" unsealed=").append(log.unsealedRecords())
                .append(" resealed=").append(log.resealedRecords())
                .append(" recovery_ms=").append(recoveryText())
                .append(" kills=").append(kills())
                .append(" lives=").append(livesText())
                .append(" sent=").append(feederSent).append('/').append(settings.records())
                .append(" connections=").append(connections).append('/').append(lives.size() + 1)
                .append(" receiver_errors=").append(lives.stream().mapToInt(Life::receiverErrors).sum())
                .append(" elapsed_ms=").append(elapsedMs);
            if (!isLogComplete())
            {
                line.append(" first-record-not-accepted");
                if (connections > lives.size() + 1)
                {
                    line.append("(a receiver reconnected within a life: the head may have been lost in TCP)");
                }
            }
            if (!pointsNeverHit.isEmpty())
            {
                line.append(" NEVER-HIT=").append(pointsNeverHit);
            }
            if (failure != null)
            {
                line.append(" FAILURE=").append(failure);
            }
            return line.toString();
        }

        /** Everything a failure message needs: the summary, the checker's and oracle's problems, the last lines. */
        public String report(final String label)
        {
            final StringBuilder text = new StringBuilder(summary(label)).append('\n').append(check).append('\n');
            if (!log.problems().isEmpty())
            {
                text.append("oracle: ").append(log.problems()).append('\n');
            }
            if (!lives.isEmpty())
            {
                final Life last = lives.get(lives.size() - 1);
                text.append("last lines of life ").append(last.number()).append(":\n");
                for (final String tailLine : last.tail())
                {
                    text.append("  ").append(tailLine).append('\n');
                }
            }
            return text.toString();
        }

        /** Every recovery time, or for long runs their percentiles. */
        private String recoveryText()
        {
            final List<Long> times = recoveryMs();
            if (times.isEmpty())
            {
                return "-";
            }
            if (times.size() > MAX_LISTED)
            {
                final RecoveryTimes percentiles = new RecoveryTimes();
                percentiles.addAll(times);
                return "p50:" + percentiles.percentile(50) + ",p99:" + percentiles.percentile(99) + ",max:"
                    + percentiles.percentile(100);
            }
            final StringBuilder text = new StringBuilder();
            for (final long time : times)
            {
                text.append(text.length() == 0 ? "" : ",").append(time);
            }
            return text.toString();
        }

        /** Each life's plan and outcome, or for long runs the count per outcome. */
        private String livesText()
        {
            if (lives.size() > MAX_LISTED)
            {
                final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
                for (final Life life : lives)
                {
                    counts.merge(life.outcome(), 1, Integer::sum);
                }
                return lives.size() + counts.toString();
            }
            return lives.stream().map(l -> l.plan() + "->" + l.outcome()).toList().toString();
        }
    }

    private final Settings settings;
    private final Path checkpointDir;
    private final Path outDir;
    private final Path stopFile;
    private final Path tmpDir;
    private final BlockingQueue<HarnessEvent> events = new LinkedBlockingQueue<>();

    private CrashHarness(final Settings settings, final Path workDir) throws IOException
    {
        this.settings = settings;
        this.checkpointDir = Files.createDirectories(workDir.resolve("checkpoint"));
        this.outDir = Files.createDirectories(workDir.resolve("out"));
        this.stopFile = workDir.resolve("stop");
        this.tmpDir = Files.createDirectories(workDir.resolve("tmp"));
    }

    /** Runs {@code plans}, then a graceful last life unless one of them already stopped, then the check. */
    public static Run run(final Settings settings, final Path workDir, final List<LifePlan> plans) throws Exception
    {
        return new CrashHarness(settings, workDir).run(plans);
    }

    private Run run(final List<LifePlan> plans) throws Exception
    {
        final long startNanos = System.nanoTime();
        final List<Life> lives = new ArrayList<>();
        final List<String> neverHit = new ArrayList<>();
        String failure = null;
        final long sent;
        final int connections;
        try (Feeder feeder = new Feeder(settings.records(), settings.keys(), 2 * settings.chunk(),
            () -> events.add(new HarnessEvent.Drained())))
        {
            boolean isStopped = false;
            for (final LifePlan plan : plans)
            {
                final Life life = runLife(lives.size() + 1, plan, feeder);
                lives.add(life);
                failure = unplanned(life);
                if (failure != null)
                {
                    break;
                }
                if (life.outcome() == Outcome.STOPPED)
                {
                    if (plan.isArmed())
                    {
                        neverHit.add(plan.crashPoint() + " (life " + life.number() + ")");
                    }
                    isStopped = true;
                    break;
                }
            }
            if (failure == null && !isStopped)
            {
                final Life last = runLife(lives.size() + 1, LifePlan.unarmed(), feeder);
                lives.add(last);
                failure = unplanned(last);
                if (failure == null && last.outcome() != Outcome.STOPPED)
                {
                    failure = "the last life ended " + last.outcome();
                }
            }
            sent = feeder.sent();
            connections = feeder.connections();
        }
        final LogContents log = LogOracle.read(checkpointDir);
        final SortedMap<Long, List<String>> outputs = OutputFiles.read(outDir);
        return new Run(settings, lives, neverHit, failure, log, check(log, outputs), sent, connections,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
    }

    private CheckResult check(final LogContents log, final SortedMap<Long, List<String>> outputs)
    {
        return switch (settings.axis())
        {
            case STATELESS -> TotalQueueChecker.check(log.recordCounts(), outputs);
            case STATE_GENERIC, STATE_FAST -> StateChecker.check(log.keyCounts(), outputs);
            case MAP_WITH_STATE -> SequenceChecker.check(log.keyCounts(), outputs);
            case WINDOW_INVERSE -> WindowChecker.check(log.batchKeyCounts(),
                settings.axis().windowMs(settings.intervalMs()), outputs);
        };
    }

    private String unplanned(final Life life)
    {
        return switch (life.outcome())
        {
            case CRASHED -> life.plan().isArmed() && life.plan().crashPoint().equals(life.crashMarker()) ? null
                : "life " + life.number() + " (" + life.plan() + ") crashed at " + life.crashMarker();
            case KILLED, STOPPED -> null;
            case FAILED -> "life " + life.number() + " (" + life.plan() + ") exited " + life.exitCode();
            case TIMED_OUT -> "life " + life.number() + " (" + life.plan() + ") hit the safety timeout of "
                + settings.lifeTimeout().toSeconds() + " s";
        };
    }

    private Life runLife(final int number, final LifePlan plan, final Feeder feeder) throws Exception
    {
        Files.deleteIfExists(stopFile);
        events.clear();
        final Map<String, String> properties = new LinkedHashMap<>();
        properties.put("java.io.tmpdir", tmpDir.toString());
        if (plan.isArmed())
        {
            properties.put("sluice.crash.point", plan.crashPoint());
            properties.put("sluice.crash.after", Integer.toString(plan.crashAfter()));
        }
        final List<String> args = List.of(settings.axis().id(), checkpointDir.toString(), outDir.toString(),
            Integer.toString(feeder.port()), Long.toString(settings.intervalMs()), stopFile.toString(),
            settings.sabotage().name());
        final ChildProcess child = ChildProcess.start(number, CrashChildMain.class, args, properties, events);
        try
        {
            return watch(number, plan, child, feeder);
        }
        finally
        {
            if (child.isAlive())
            {
                child.kill();
            }
        }
    }

    /** The control loop of one life: reacts to the child's lines, the drain signal and the exit. */
    private Life watch(final int number, final LifePlan plan, final ChildProcess child, final Feeder feeder)
        throws Exception
    {
        final long deadline = child.startNanos() + settings.lifeTimeout().toNanos();
        final long windowMs = settings.axis().windowMs(settings.intervalMs());
        final long grantPerBatch = settings.chunk() * (settings.axis().slideMs(settings.intervalMs())
            / settings.intervalMs());
        int batches = 0;
        int receiverErrors = 0;
        long firstBatchNanos = -1;
        long maxBatchTime = Long.MIN_VALUE;
        // the batch time from which the feed is known to be read whole: the second batch printed after the drain
        // signal (the first may have been cut before the child's reconnect); batch times, not the harness's clock
        long drainedAtMs = -1;
        int batchesSinceDrain = -1;
        String marker = null;
        boolean isKilled = false;
        boolean isStopRequested = false;
        while (true)
        {
            final HarnessEvent event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null)
            {
                child.kill();
                child.awaitExit(10_000);
                return new Life(number, plan, Outcome.TIMED_OUT, -1, marker, batches, receiverErrors,
                    recoveryMs(child, firstBatchNanos), child.tail());
            }
            if (event instanceof HarnessEvent.Line line && line.life() == number)
            {
                final String text = line.text();
                if (line.isStdout() && text.startsWith("BATCH "))
                {
                    batches++;
                    firstBatchNanos = firstBatchNanos < 0 ? line.nanos() : firstBatchNanos;
                    final long batchTime = Long.parseLong(text.substring(6).trim());
                    maxBatchTime = Math.max(maxBatchTime, batchTime);
                    if (batchesSinceDrain >= 0 && ++batchesSinceDrain == 2)
                    {
                        drainedAtMs = batchTime;
                    }
                    feeder.grant(grantPerBatch);
                    if (plan.killAfterBatches() > 0 && batches == plan.killAfterBatches() && !isStopRequested)
                    {
                        child.kill();
                        isKilled = true;
                    }
                }
                else if (!line.isStdout() && text.startsWith("SLUICE-CRASH "))
                {
                    marker = text.substring("SLUICE-CRASH ".length()).trim();
                }
                else if (!line.isStdout() && text.startsWith("RECEIVER-ERROR "))
                {
                    receiverErrors++;
                }
            }
            else if (event instanceof HarnessEvent.Drained && batchesSinceDrain < 0)
            {
                batchesSinceDrain = 0;
            }
            else if (event instanceof HarnessEvent.Exit exit && exit.life() == number)
            {
                return new Life(number, plan, outcome(marker, isKilled, isStopRequested, exit.code()), exit.code(),
                    marker, batches, receiverErrors, recoveryMs(child, firstBatchNanos), child.tail());
            }
            if (!isStopRequested && !isKilled && marker == null && drainedAtMs >= 0
                && (windowMs == 0 || maxBatchTime >= drainedAtMs + windowMs + 2 * settings.intervalMs()))
            {
                Files.createFile(stopFile);
                isStopRequested = true;
            }
        }
    }

    private static Outcome outcome(final String marker, final boolean isKilled, final boolean isStopRequested,
        final int exitCode)
    {
        if (marker != null)
        {
            return Outcome.CRASHED;
        }
        if (isKilled)
        {
            return Outcome.KILLED;
        }
        return isStopRequested && exitCode == 0 ? Outcome.STOPPED : Outcome.FAILED;
    }

    private static long recoveryMs(final ChildProcess child, final long firstBatchNanos)
    {
        return firstBatchNanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstBatchNanos - child.startNanos());
    }
}
