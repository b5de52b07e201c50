package io.sluice.recovery;

import io.sluice.internal.recovery.CrashPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash matrix: pipelines run in a child JVM are killed with SIGKILL, restarted on their checkpoint directory,
 * and checked against the ingest log (lost, duplicated, unexpected records: all must be 0).
 *
 * <ul>
 *   <li>{@link #crashOnceThenRecover}: each engine crash point x each {@link PipelineAxis}, one restart.</li>
 *   <li>{@link #crashThreeTimesInARow}: the point armed in three lives in a row (the second crashes at the point's
 *   first hit, that is during recovery), then a graceful life.</li>
 *   <li>{@link #crashInSnapshotOrRetentionThenRecover}: the stateful axes at the snapshot points, and the
 *   retention point; a point the engine does not reach yet fails as "never hit".</li>
 *   <li>{@link #randomKills}: the numbered pipeline ({@code state-generic}) killed by the harness after a seeded
 *   random number of batches, {@code sluice.crash.random.kills} times in one run.</li>
 *   <li>Self-tests (a harness that cannot fail proves nothing): a non-idempotent sink must show duplicates, state
 *   kept outside the engine must show losses, an unreachable point must be reported as never hit.</li>
 * </ul>
 *
 * <p>CI size (the default): 20 + 9 + 2 + 1 + 3 cases, 20 000 records, 25 ms batches, 5 random kills; about 2.5
 * minutes on two cores. <b>Full random mode</b>, not for CI:
 * {@code mvn -B -pl engine test -Dtest=CrashMatrixTest#randomKills -Dsluice.crash.random.kills=100}
 * (its record count grows with the kills). Other knobs: {@code sluice.crash.random.seed} (printed with each run),
 * {@code sluice.crash.records}, {@code sluice.crash.intervalMs}, {@code sluice.crash.workRoot=<dir>} (keep every
 * case's checkpoint, log and batch files there instead of a temporary directory).
 *
 * <p>Each case prints one summary line ({@code crash <point> <axis> restarts=<n>: records=... lost=...
 * duplicated=... unexpected=... recovery_ms=...}), also appended to {@code target/crash-matrix/summary.txt}; the
 * recovery-time percentiles over the class come last.
 */
class CrashMatrixTest
{
    private static final long INTERVAL_MS = Long.getLong("sluice.crash.intervalMs", 25L);
    private static final long RECORDS = Long.getLong("sluice.crash.records", 20_000L);
    private static final int KEYS = 100;
    /** Records the feeder may send per BATCH line (and twice that to a new connection). */
    private static final int CHUNK = 1_000;
    private static final Duration LIFE_TIMEOUT = Duration.ofSeconds(60);
    private static final int RANDOM_KILLS = Integer.getInteger("sluice.crash.random.kills", 5);
    private static final long RANDOM_SEED = Long.getLong("sluice.crash.random.seed", 20_240_601L);
    /** The harness kills after 1..MAX_KILL_BATCH BATCH lines of a life. */
    private static final int MAX_KILL_BATCH = 8;
    /** Which hit of each point crashes: far enough in that data and state exist, early enough in the feed. */
    private static final Map<String, Integer> CRASH_AFTER = Map.of(
        CrashPoints.LOG_MID_APPEND, 5,
        CrashPoints.LOG_AFTER_APPEND, 5,
        CrashPoints.JOB_MID_BATCH, 8,
        CrashPoints.MANIFEST_AFTER_SEAL, 8,
        CrashPoints.JOB_AFTER_OUTPUT, 8,
        CrashPoints.JOB_BEFORE_BATCH_DONE, 8,
        CrashPoints.SNAPSHOT_MID_WRITE, 2,
        CrashPoints.SNAPSHOT_AFTER_RENAME, 2,
        CrashPoints.RETENTION_MID_DELETE, 1);
    /** When set, each case's directory is kept under it (for inspecting a failure) instead of a deleted temp dir. */
    private static final String WORK_ROOT = System.getProperty("sluice.crash.workRoot");
    private static final java.util.concurrent.atomic.AtomicInteger CASE_NUMBER =
        new java.util.concurrent.atomic.AtomicInteger();
    private static final Path SUMMARY = Path.of("target", "crash-matrix", "summary.txt");
    private static final RecoveryTimes RECOVERY = new RecoveryTimes();

    @TempDir
    Path workDir;

    @BeforeAll
    static void freshSummary() throws IOException
    {
        Files.createDirectories(SUMMARY.getParent());
        Files.deleteIfExists(SUMMARY);
    }

    @AfterAll
    static void printRecoveryTimes() throws IOException
    {
        say(RECOVERY.summary());
    }

    static Stream<Arguments> pointsAndAxes()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final String point : List.of(CrashPoints.LOG_MID_APPEND, CrashPoints.LOG_AFTER_APPEND,
            CrashPoints.MANIFEST_AFTER_SEAL, CrashPoints.JOB_MID_BATCH, CrashPoints.JOB_AFTER_OUTPUT,
            CrashPoints.JOB_BEFORE_BATCH_DONE))
        {
            for (final PipelineAxis axis : PipelineAxis.values())
            {
                cases.add(Arguments.of(point, axis));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("pointsAndAxes")
    void crashOnceThenRecover(final String point, final PipelineAxis axis) throws Exception
    {
        check(point, settings(axis, RECORDS), List.of(LifePlan.armed(point, CRASH_AFTER.get(point))));
    }

    static Stream<Arguments> snapshotAndRetentionPoints()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final String point : List.of(CrashPoints.SNAPSHOT_MID_WRITE, CrashPoints.SNAPSHOT_AFTER_RENAME))
        {
            for (final PipelineAxis axis : PipelineAxis.values())
            {
                if (axis != PipelineAxis.STATELESS)
                {
                    cases.add(Arguments.of(point, axis));
                }
            }
        }
        cases.add(Arguments.of(CrashPoints.RETENTION_MID_DELETE, PipelineAxis.STATE_GENERIC));
        return cases.stream();
    }

    /** The stateful axes at the snapshot points, and retention: reported as never hit where the engine has none. */
    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("snapshotAndRetentionPoints")
    void crashInSnapshotOrRetentionThenRecover(final String point, final PipelineAxis axis) throws Exception
    {
        check(point, settings(axis, RECORDS), List.of(LifePlan.armed(point, CRASH_AFTER.get(point))));
    }

    static Stream<Arguments> threeInARow()
    {
        return Stream.of(
            Arguments.of(CrashPoints.JOB_AFTER_OUTPUT, PipelineAxis.STATE_GENERIC),
            Arguments.of(CrashPoints.MANIFEST_AFTER_SEAL, PipelineAxis.MAP_WITH_STATE));
    }

    @ParameterizedTest(name = "{0} x {1}")
    @MethodSource("threeInARow")
    void crashThreeTimesInARow(final String point, final PipelineAxis axis) throws Exception
    {
        final int after = CRASH_AFTER.get(point);
        check(point + "x3", settings(axis, RECORDS),
            List.of(LifePlan.armed(point, after), LifePlan.armed(point, 1), LifePlan.armed(point, after / 2 + 1)));
    }

    @Test
    void randomKills() throws Exception
    {
        final Random random = new Random(RANDOM_SEED);
        final List<LifePlan> plans = new ArrayList<>();
        for (int i = 0; i < RANDOM_KILLS; i++)
        {
            plans.add(LifePlan.killAfter(1 + random.nextInt(MAX_KILL_BATCH)));
        }
        final long records = Math.max(RECORDS, (long)RANDOM_KILLS * (MAX_KILL_BATCH / 2 + 3) * CHUNK);
        check("random(seed=" + RANDOM_SEED + ",kills=" + RANDOM_KILLS + ")",
            settings(PipelineAxis.STATE_GENERIC, records), plans);
    }

    /** Self-test: a sink that appends instead of replacing must show the re-run batch as duplicates. */
    @Test
    void harnessCatchesANonIdempotentSink() throws Exception
    {
        final CrashHarness.Run run = CrashHarness.run(settings(PipelineAxis.STATELESS, RECORDS)
            .with(Sabotage.APPENDING_SINK), workDir, List.of(LifePlan.armed(CrashPoints.JOB_AFTER_OUTPUT, 8)));
        say(run.summary("self-test " + CrashPoints.JOB_AFTER_OUTPUT));
        assertNull(run.failure(), run.report("self-test"));
        assertTrue(run.check().duplicated() > 0 && run.check().lost() == 0, run.report("self-test"));
    }

    /** Self-test: state kept outside the engine must show as lost records. */
    @Test
    void harnessCatchesStateThatIsNotRecovered() throws Exception
    {
        final CrashHarness.Run run = CrashHarness.run(settings(PipelineAxis.STATE_GENERIC, RECORDS)
            .with(Sabotage.HEAP_STATE), workDir, List.of(LifePlan.killAfter(10)));
        say(run.summary("self-test kill@10"));
        assertNull(run.failure(), run.report("self-test"));
        // a count going down shows only when the first batch after the restart holds fewer records of a key than
        // the crashed life had counted, so only the loss is certain
        assertTrue(run.check().lost() > 0, run.report("self-test"));
    }

    /** Self-test: an armed point the engine never reaches is reported, not passed. */
    @Test
    void harnessReportsAPointNeverHit() throws Exception
    {
        final CrashHarness.Run run = CrashHarness.run(settings(PipelineAxis.STATELESS, RECORDS), workDir,
            List.of(LifePlan.armed("harness.no-such-point", 1)));
        say(run.summary("self-test harness.no-such-point"));
        assertEquals(List.of("harness.no-such-point (life 1)"), run.pointsNeverHit(), run.report("self-test"));
        assertFalse(run.isClean());
        assertTrue(run.check().isClean(), run.report("self-test"));
    }

    private static CrashHarness.Settings settings(final PipelineAxis axis, final long records)
    {
        return new CrashHarness.Settings(axis, records, KEYS, INTERVAL_MS, CHUNK, LIFE_TIMEOUT, Sabotage.NONE);
    }

    private void check(final String label, final CrashHarness.Settings settings, final List<LifePlan> plans)
        throws Exception
    {
        final CrashHarness.Run run = CrashHarness.run(settings, caseDir(label, settings), plans);
        RECOVERY.addAll(run.recoveryMs());
        say(run.summary(label));
        assertTrue(run.isClean(), run.report(label));
    }

    /** The case's temporary directory, or with {@code sluice.crash.workRoot} a kept one under it. */
    private Path caseDir(final String label, final CrashHarness.Settings settings) throws IOException
    {
        if (WORK_ROOT == null)
        {
            return workDir;
        }
        return Files.createDirectories(Path.of(WORK_ROOT,
            (label + "-" + settings.axis().id()).replaceAll("[^A-Za-z0-9.=,-]", "_") + "-" + CASE_NUMBER.incrementAndGet()));
    }

    private static void say(final String line) throws IOException
    {
        System.out.println(line);
        Files.writeString(SUMMARY, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    }
}
