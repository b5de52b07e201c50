package io.sluice.api;

/**
 * A predicate on a text key and a long value: the fast path's twin of {@code BiPredicate<String, Long>} (e.g. the
 * filter of {@link StringLongPairDStream#reduceByKeyAndWindow(java.util.function.LongBinaryOperator,
 * java.util.function.LongBinaryOperator, java.time.Duration, java.time.Duration, StringLongPairPredicate)}).
 *
 * <p>{@code key} is a reusable flyweight view over the key's UTF-8 bytes, valid only during the call: it is
 * re-pointed at the next key afterwards, so do not keep it (call {@code key.toString()} for a String you may keep).
 * Reading it ({@code length()}, {@code charAt(i)}) allocates nothing; compare it with
 * {@code "word".contentEquals(key)}, not {@code equals}. Called on the job thread.
 */
@FunctionalInterface
public interface StringLongPairPredicate
{
    boolean test(CharSequence key, long value);
}
