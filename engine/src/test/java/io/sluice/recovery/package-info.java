/**
 * The crash matrix: Sluice's recovery tested by killing it. A pipeline ({@link io.sluice.recovery.CrashChildMain})
 * runs in a child JVM fed over TCP by a {@link io.sluice.recovery.Feeder}; {@link io.sluice.recovery.CrashHarness}
 * kills it with SIGKILL at a named engine crash point ({@code -Dsluice.crash.point}, see
 * {@code io.sluice.internal.recovery.CrashPoints}) or after a seeded random number of batches, restarts it on the same
 * checkpoint directory, once or several times, and finally lets it drain and stop gracefully. Then
 * {@link io.sluice.recovery.LogOracle} reads the ingest log (the oracle: every record the engine accepted) and a
 * checker per pipeline compares the batch files with it, counting lost, duplicated and unexpected records:
 * {@link io.sluice.recovery.TotalQueueChecker} (stateless), {@link io.sluice.recovery.StateChecker}
 * ({@code updateStateByKey}), {@link io.sluice.recovery.SequenceChecker} ({@code mapWithState}),
 * {@link io.sluice.recovery.WindowChecker} (incremental window, recomputed from the manifest's seals).
 *
 * <p>Run the CI-sized matrix (about 2.5 minutes on two cores):
 * <pre>
 * mvn -B -pl engine test -Dtest='CheckersTest,CrashMatrixTest' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and the full random mode (100 kills in one run, not for CI):
 * <pre>
 * mvn -B -pl engine test -Dtest='CrashMatrixTest#randomKills' -Dsluice.crash.random.kills=100
 * </pre>
 * Summary lines go to {@code engine/target/crash-matrix/summary.txt} (and the Surefire output file). Add
 * {@code -Dsluice.crash.workRoot=/some/dir} to keep every case's checkpoint directory, log and batch files.
 *
 * <p>Time: the system under test is a real child JVM on the system clock, so a ManualClock cannot drive it. The
 * harness never sleeps and asserts nothing about time: lives end on a crash marker, on a counted number of
 * {@code BATCH} lines, or on the feed being read whole (the drain signal, then the child's own batch times);
 * {@code System.nanoTime} is read only for safety-net deadlines (a hung child fails its case) and to report the
 * restart-to-first-output time.
 *
 * <p>Do not rebuild {@code engine/target/classes} while the matrix runs: the children load the engine from it.
 */
package io.sluice.recovery;
