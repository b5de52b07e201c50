package io.sluice.api;

/**
 * A key and a value: the element of a {@link PairDStream}. Prints Scala-style, {@code (a,1)}, as Spark's
 * tuples do, so {@code print()} output matches Spark byte for byte.
 */
public record Pair<K, V>(K key, V value)
{
    public static <K, V> Pair<K, V> of(final K key, final V value)
    {
        return new Pair<>(key, value);
    }

    @Override
    public String toString()
    {
        return "(" + key + "," + value + ")";
    }
}
