package io.sluice.internal.scheduler;

import io.sluice.api.BatchInfo;
import io.sluice.api.Clock;
import io.sluice.api.OutputOperationInfo;
import io.sluice.api.SluiceException;
import io.sluice.api.Time;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.Job;
import io.sluice.internal.recovery.CrashPoints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Generates and runs the batches of one context (Spark's JobGenerator + JobScheduler).
 *
 * <pre>
 *  clock reaches t ──▶ trigger(t): cutter.cut(t), queue t        (timer thread, or the ManualClock's caller)
 *  generator thread:  awaitCut(t) ──▶ graph.generateJobs(t) ──▶ onBatchSubmitted ──▶ executor queue
 *  executor thread:   jobs in registration order, one at a time ──▶ listener events ──▶ clearMetadata
 * </pre>
 *
 * Batch times are absolute multiples of the interval. A batch without jobs is not submitted and posts no
 * events, but still counts as done. A job's failure is reported to the {@link ErrorSink} and the next jobs run.
 */
public final class JobScheduler
{
    private static final long POISON = Long.MIN_VALUE;

    private final Graph graph;
    private final Clock clock;
    private final BatchCutter cutter;
    private final BatchInputs inputs;
    private final ListenerBus bus;
    private final ErrorSink errors;
    private final long batchMs;
    private final boolean hasOwnTimer;
    private final CompletionLog completions;
    private Replay replay = Replay.NONE;
    private final java.util.Set<Long> replayTimes = new java.util.HashSet<>();
    private volatile long clockOffsetMs;

    private final LinkedBlockingQueue<Long> toGenerate = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<JobSet> toRun = new LinkedBlockingQueue<>();
    private final Object triggerLock = new Object();
    private long nextBatchTime;
    private boolean isTriggerStopped;

    private final Object doneLock = new Object();
    private long lastDoneTime = Long.MIN_VALUE;

    private Thread timer;
    private Thread generator;
    private Thread executor;
    private volatile boolean isRunning;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JobScheduler.class);
    private volatile boolean isDroppingQueuedJobs;
    private volatile DroppedAtStop droppedAtStop = DroppedAtStop.NONE;
    private String onFailure = "report";
    private int maxRetries;

    /**
     * @param hasOwnTimer true for a clock that moves by itself (a timer thread watches it); false when the clock
     *                    calls {@link #onClockAdvance(long)} as it moves (ManualClock).
     */
    public JobScheduler(final Graph graph, final Clock clock, final BatchCutter cutter, final BatchInputs inputs,
        final ListenerBus bus, final ErrorSink errors, final boolean hasOwnTimer)
    {
        this(graph, clock, cutter, inputs, bus, errors, hasOwnTimer, CompletionLog.NONE);
    }

    /**
     * @param completions where the executor records completed outputs and batches (recovery), or
     *                    {@link CompletionLog#NONE}.
     */
    public JobScheduler(final Graph graph, final Clock clock, final BatchCutter cutter, final BatchInputs inputs,
        final ListenerBus bus, final ErrorSink errors, final boolean hasOwnTimer, final CompletionLog completions)
    {
        this.completions = completions;
        this.graph = graph;
        this.clock = clock;
        this.cutter = cutter;
        this.inputs = inputs;
        this.bus = bus;
        this.errors = errors;
        this.batchMs = graph.batchMs();
        this.hasOwnTimer = hasOwnTimer;
    }

    /** Spark's start time: the next multiple of the interval strictly after {@code now}. */
    public static long firstBatchTime(final long now, final long batchMs)
    {
        return (Math.floorDiv(now, batchMs) + 1) * batchMs;
    }

    /** Starts the threads; the first batch is {@code firstBatchTime}. */
    public void start(final long firstBatchTime)
    {
        start(firstBatchTime, Replay.NONE, 0);
    }

    /**
     * Starts the threads: first re-runs {@code replay}'s batches, then generates new batches from
     * {@code firstBatchTime} on. {@code clockOffsetMs}: the batch clock runs this far behind the context's clock
     * (after a recovery, the batch times go on from the last sealed batch; the time the process was down has no
     * batches).
     */
    public void start(final long firstBatchTime, final Replay replay, final long clockOffsetMs)
    {
        this.replay = replay;
        this.clockOffsetMs = clockOffsetMs;
        replayTimes.addAll(replay.times());
        toGenerate.addAll(replay.times());
        synchronized (doneLock)
        {
            // everything before the first batch to run is done (recovered, or there was none)
            lastDoneTime = (replay.times().isEmpty() ? firstBatchTime : replay.times().get(0)) - batchMs;
        }
        synchronized (triggerLock)
        {
            nextBatchTime = firstBatchTime;
        }
        isRunning = true;
        generator = daemon("sluice-job-generator", this::generateLoop);
        executor = daemon("sluice-job-executor", this::executeLoop);
        if (hasOwnTimer)
        {
            timer = daemon("sluice-batch-timer", this::timerLoop);
        }
    }

    /**
     * Triggers every batch time up to {@code now} (the context's clock, less the batch clock offset). Called by the
     * clock's owner before it shows {@code now}.
     */
    public void onClockAdvance(final long now)
    {
        final long batchNow = now - clockOffsetMs;
        synchronized (triggerLock)
        {
            while (!isTriggerStopped && nextBatchTime <= batchNow)
            {
                trigger(nextBatchTime);
                nextBatchTime += batchMs;
            }
        }
    }

    /** The next batch time not triggered yet. */
    public long nextBatchTime()
    {
        synchronized (triggerLock)
        {
            return nextBatchTime;
        }
    }

    private void trigger(final long time)
    {
        try
        {
            cutter.cut(time);
        }
        catch (final RuntimeException ex)
        {
            // the log failed (reported by the context's failure path); generating the batch reports it too
        }
        toGenerate.add(time);
    }

    /**
     * Waits until every batch up to {@code time} is done (run, or skipped for lack of jobs).
     *
     * @return false if that did not happen within the timeout or the scheduler stopped first.
     */
    public boolean awaitDone(final long time, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (doneLock)
        {
            while (lastDoneTime < time)
            {
                final long left = deadline - System.nanoTime();
                if (left <= 0 || !isRunning)
                {
                    return lastDoneTime >= time;
                }
                TimeUnit.NANOSECONDS.timedWait(doneLock, left);
            }
            return true;
        }
    }

    public long lastDoneTime()
    {
        synchronized (doneLock)
        {
            return lastDoneTime;
        }
    }

    private void markDone(final long time)
    {
        synchronized (doneLock)
        {
            lastDoneTime = Math.max(lastDoneTime, time);
            doneLock.notifyAll();
        }
    }

    /**
     * Stops generating. Graceful: the batch after the last one triggered is cut now (so every record accepted so far
     * is in a segment), and every queued batch runs before the threads end, bounded by {@code timeoutMs}.
     * Not graceful: the running job finishes, queued batches are dropped.
     *
     * @return the time of the last batch that was cut.
     */
    public long stop(final boolean isGraceful, final long timeoutMs) throws InterruptedException
    {
        final long lastTriggered;
        synchronized (triggerLock)
        {
            if (isGraceful && !isTriggerStopped && isRunning)
            {
                trigger(nextBatchTime);
                nextBatchTime += batchMs;
            }
            isTriggerStopped = true;
            lastTriggered = nextBatchTime - batchMs;
        }
        if (timer != null)
        {
            timer.interrupt();
            timer.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (isGraceful)
        {
            if (!awaitDone(lastTriggered, timeoutMs))
            {
                dropQueuedAfterTimeout(lastTriggered, timeoutMs);
            }
        }
        else
        {
            isDroppingQueuedJobs = true;
            toGenerate.clear();
            toRun.clear();
        }
        isRunning = false;
        toGenerate.add(POISON);
        joinQuietly(generator);
        toRun.add(new JobSet(POISON, List.of(), Map.of(), 0, 0, 0));
        joinQuietly(executor);
        synchronized (doneLock)
        {
            doneLock.notifyAll();
        }
        return lastTriggered;
    }

    /**
     * A graceful stop ran out of time: the batches still queued are dropped (the running job ends first), and the log
     * says how many and how many records; they stay in the ingest log, where a restart on the same checkpoint runs
     * them (without a checkpoint directory they are gone with the temporary data directory).
     */
    private void dropQueuedAfterTimeout(final long lastTriggered, final long timeoutMs)
    {
        isDroppingQueuedJobs = true;
        final List<JobSet> queued = new ArrayList<>();
        toRun.drainTo(queued);
        final List<Long> ungenerated = new ArrayList<>();
        toGenerate.drainTo(ungenerated);
        long records = 0;
        int batches = 0;
        for (final JobSet jobSet : queued)
        {
            if (jobSet.time() != POISON)
            {
                records += jobSet.numRecords();
                batches++;
            }
        }
        ungenerated.removeIf(t -> t == POISON);
        droppedAtStop = new DroppedAtStop(batches + ungenerated.size(), records, ungenerated.size());
        LOG.warn("stop(true): sluice.stop.gracefulTimeout ({} ms) ran out before batch {} ms was processed; {} batch(es) "
            + "were not run: {} generated with {} records, {} not yet generated. Their records stay in the ingest log "
            + "(a restart on the same checkpoint directory processes them); the running job finished first.",
            timeoutMs, lastTriggered, batches + ungenerated.size(), batches, records, ungenerated.size());
    }

    /** What a graceful stop left unprocessed when its timeout ran out (none: {@code batches == 0}). */
    public record DroppedAtStop(int batches, long generatedRecords, int ungeneratedBatches)
    {
        /** Nothing was left. */
        public static final DroppedAtStop NONE = new DroppedAtStop(0, 0, 0);
    }

    /** What the last {@link #stop} left unprocessed. */
    public DroppedAtStop droppedAtStop()
    {
        return droppedAtStop;
    }

    /** From now on the running batch's remaining outputs and every queued batch are skipped (a stop(false) begins). */
    public void dropQueuedJobs()
    {
        isDroppingQueuedJobs = true;
    }

    /**
     * What a failed output does ({@code sluice.output.onFailure}: report, deadLetter, stop) and how many times it is
     * run again first ({@code sluice.output.maxRetries}). Call before {@link #start}.
     */
    public void failurePolicy(final String onFailure, final int maxRetries)
    {
        this.onFailure = onFailure;
        this.maxRetries = maxRetries;
    }

    /** Spark's {@code NonFatal}, inverted: errors after which the process cannot be trusted to go on. */
    static boolean isFatal(final Throwable t)
    {
        return t instanceof VirtualMachineError || t instanceof ThreadDeath || t instanceof LinkageError;
    }

    /** Whether the calling thread is the job executor (an output operation is running on it). */
    public boolean isExecutorThread()
    {
        return Thread.currentThread() == executor;
    }

    /** Whether the job executor thread is still running (a job outlived {@link #stop}'s join). */
    public boolean isExecutorAlive()
    {
        return executor != null && executor.isAlive();
    }

    private static void joinQuietly(final Thread thread) throws InterruptedException
    {
        if (thread != null && thread != Thread.currentThread())
        {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void timerLoop()
    {
        while (true)
        {
            final long next;
            synchronized (triggerLock)
            {
                if (isTriggerStopped)
                {
                    return;
                }
                next = nextBatchTime;
            }
            final long now = clock.millis();
            if (now - clockOffsetMs >= next)
            {
                onClockAdvance(now);
            }
            else
            {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(next - (now - clockOffsetMs)));
                if (Thread.currentThread().isInterrupted())
                {
                    return;
                }
            }
        }
    }

    private void generateLoop()
    {
        while (true)
        {
            final long time;
            try
            {
                time = toGenerate.take();
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            if (time == POISON)
            {
                return;
            }
            generate(time);
        }
    }

    private void generate(final long time)
    {
        final List<Job> jobs;
        final Map<Integer, Long> records;
        try
        {
            if (replayTimes.remove(time))
            {
                replay.prepare(time);
                records = inputs.recordsPerStream(time);
                jobs = graph.generateJobs(time, outputId -> replay.isOutputDone(time, outputId));
            }
            else
            {
                cutter.awaitCut(time);
                records = inputs.recordsPerStream(time);
                jobs = graph.generateJobs(time);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return;
        }
        catch (final RuntimeException ex)
        {
            errors.report(ex instanceof SluiceException se ? se
                : new SluiceException("Error generating jobs for time " + time + " ms: " + ex.getMessage(), ex));
            // Done in order behind the batches already queued, so "done up to t" never runs ahead of a job.
            toRun.add(JobSet.withoutJobs(time));
            return;
        }
        if (jobs.isEmpty())
        {
            toRun.add(JobSet.withoutJobs(time));
            return;
        }
        long numRecords = 0;
        for (final long n : records.values())
        {
            numRecords += n;
        }
        final JobSet jobSet = new JobSet(time, jobs, records, numRecords, clock.millis(), System.nanoTime());
        bus.post(l -> l.onBatchSubmitted(info(jobSet, null, null, List.of(), 0, 0)));
        toRun.add(jobSet);
    }

    private void executeLoop()
    {
        while (true)
        {
            final JobSet jobSet;
            try
            {
                jobSet = toRun.take();
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            if (jobSet.time() == POISON)
            {
                return;
            }
            if (isDroppingQueuedJobs)
            {
                continue;
            }
            if (jobSet.jobs().isEmpty())
            {
                // No output had data (or generation failed): no events, as in Spark, but done in order.
                completions.batchDone(jobSet.time(), 0);
                graph.clearMetadata(jobSet.time());
                markDone(jobSet.time());
                continue;
            }
            if (isReplayOnly(jobSet))
            {
                replayQuietly(jobSet);
                continue;
            }
            run(jobSet);
        }
    }

    private static boolean isReplayOnly(final JobSet jobSet)
    {
        for (final Job job : jobSet.jobs())
        {
            if (!job.isReplay())
            {
                return false;
            }
        }
        return true;
    }

    /** A replayed batch whose outputs all ran before the crash: rebuilds history, posts no events. */
    private void replayQuietly(final JobSet jobSet)
    {
        final long time = jobSet.time();
        for (final Job job : jobSet.jobs())
        {
            runReplay(job, time);
        }
        completions.batchDone(time, 0);
        graph.clearMetadata(time);
        markDone(time);
    }

    private void runReplay(final Job job, final long time)
    {
        try
        {
            job.body().run();
        }
        catch (final RuntimeException | Error ex)
        {
            errors.report(ex instanceof SluiceException se ? se : new SluiceException("Replaying batch " + time
                + " ms for recovery failed in " + job.name() + " (output operation " + job.outputId() + "): " + ex,
                ex));
        }
    }

    private void run(final JobSet jobSet)
    {
        final long startNanos = System.nanoTime();
        final long time = jobSet.time();
        final long start = clock.millis();
        bus.post(l -> l.onBatchStarted(info(jobSet, start, null, List.of(), startNanos, 0)));
        final List<OutputOperationInfo> outputs = new ArrayList<>(jobSet.jobs().size());
        boolean isWhole = true;
        for (final Job job : jobSet.jobs())
        {
            if (isDroppingQueuedJobs)
            {
                // stop(false), or a graceful stop out of time: the batch's remaining outputs do not run; without a
                // batch-done record a restart on the checkpoint runs them
                isWhole = false;
                break;
            }
            if (job.isReplay())
            {
                runReplay(job, time);
                continue;
            }
            final String description = job.name() + " (output operation " + job.outputId() + ")";
            final long jobStart = clock.millis();
            final OutputOperationInfo started = new OutputOperationInfo(new Time(time), job.outputId(), job.name(),
                description, Optional.of(jobStart), Optional.empty(), Optional.empty());
            bus.post(l -> l.onOutputOperationStarted(started));
            final Optional<String> failure = runOutput(job, time, description);
            final OutputOperationInfo completed = new OutputOperationInfo(new Time(time), job.outputId(), job.name(),
                description, Optional.of(jobStart), Optional.of(clock.millis()), failure);
            outputs.add(completed);
            bus.post(l -> l.onOutputOperationCompleted(completed));
        }
        if (isWhole)
        {
            CrashPoints.hit(CrashPoints.JOB_BEFORE_BATCH_DONE);
            completions.batchDone(time, (System.nanoTime() - startNanos) / 1000);
        }
        final long end = clock.millis();
        final long endNanos = System.nanoTime();
        final List<OutputOperationInfo> done = List.copyOf(outputs);
        bus.post(l -> l.onBatchCompleted(info(jobSet, start, end, done, startNanos, endNanos)));
        graph.clearMetadata(time);
        markDone(time);
    }

    /**
     * Runs one output operation of batch {@code time}, again up to {@code sluice.output.maxRetries} times while it
     * fails, then applies {@code sluice.output.onFailure}; a fatal error stops the context. Returns the failure, if
     * it ended in one.
     */
    private Optional<String> runOutput(final Job job, final long time, final String description)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                CrashPoints.hit(CrashPoints.JOB_MID_BATCH);
                job.body().run();
                CrashPoints.hit(CrashPoints.JOB_AFTER_OUTPUT);
                completions.outputDone(time, job.outputId());
                return Optional.empty();
            }
            catch (final RuntimeException | Error ex)
            {
                if (isFatal(ex))
                {
                    isDroppingQueuedJobs = true;   // nothing more runs; the batch gets no batch-done record
                    errors.fatal("Job of " + description + " for time " + time + " ms threw " + ex, ex);
                    return Optional.of(ex.toString());
                }
                if (attempt < maxRetries && !isDroppingQueuedJobs)
                {
                    LOG.warn("{} for batch {} ms failed (try {} of {}), running it again: {}", description, time,
                        attempt + 1, maxRetries + 1, ex.toString());
                    continue;
                }
                onFailed(job, time, description, ex, attempt + 1);
                return Optional.of(ex.toString());
            }
        }
    }

    /** {@code sluice.output.onFailure} for an output that failed its last try. */
    private void onFailed(final Job job, final long time, final String description, final Throwable ex,
        final int tries)
    {
        if (onFailure.equals("stop"))
        {
            isDroppingQueuedJobs = true;   // reported once, by the stop
            errors.fatal(description + " failed for batch " + time + " ms and sluice.output.onFailure=stop (" + ex
                + ")", ex);
            return;
        }
        errors.report(ex instanceof SluiceException se ? se : new SluiceException("Job of " + description + " for time "
            + time + " ms failed: " + ex, ex));
        if (onFailure.equals("deadLetter"))
        {
            errors.deadLetter("output " + job.outputId() + " (" + job.name() + ")", "batch " + time + " ms failed after "
                + tries + " tr" + (tries == 1 ? "y" : "ies") + ": " + ex, "batch " + time + " ms");
        }
    }

    /**
     * The batch's listener view. On the system clock the delays are measured with {@link System#nanoTime()}, so a
     * 1 ms batch's delays keep their microseconds; on a ManualClock (the testkit) they are the clock's milliseconds,
     * exactly the differences of the batch's clock times, as in Spark.
     */
    private BatchInfo info(final JobSet jobSet, final Long start, final Long end,
        final List<OutputOperationInfo> outputs, final long startNanos, final long endNanos)
    {
        final Optional<Duration> scheduling = start == null ? Optional.empty()
            : Optional.of(hasOwnTimer ? Duration.ofNanos(Math.max(0, startNanos - jobSet.submissionNanos()))
                : Duration.ofMillis(start - jobSet.submissionTime()));
        final Optional<Duration> processing = start == null || end == null ? Optional.empty()
            : Optional.of(hasOwnTimer ? Duration.ofNanos(Math.max(0, endNanos - startNanos))
                : Duration.ofMillis(end - start));
        final Optional<Duration> total = scheduling.isPresent() && processing.isPresent()
            ? Optional.of(scheduling.get().plus(processing.get())) : Optional.empty();
        return new BatchInfo(new Time(jobSet.time()), jobSet.numRecords(), scheduling, processing, total,
            jobSet.submissionTime(), Optional.ofNullable(start), Optional.ofNullable(end),
            jobSet.streamIdToNumRecords(), outputs);
    }

    private static Thread daemon(final String name, final Runnable body)
    {
        final Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
