package io.sluice.api;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * How a record of type {@code T} travels through the ingest ring and the Chronicle log: as bytes.
 * {@link Codecs} holds the built-in ones (STRING, LONG, DOUBLE, BYTES).
 *
 * <p>Implementations must be stateless (one instance is shared by every producer thread) and must not
 * allocate in {@link #encode}: it runs on the receiver's thread for every record.
 *
 * @param <T> the record type.
 */
public interface Codec<T>
{
    /**
     * Writes {@code value} into {@code buffer} starting at {@code offset}.
     *
     * @param maxLength how many bytes are available from {@code offset}.
     * @return the number of bytes written, or {@code -1} if the encoded value needs more than {@code maxLength}
     * (nothing is then taken as written).
     */
    int encode(T value, MutableDirectBuffer buffer, int offset, int maxLength);

    /**
     * Reads back a value written by {@link #encode}. May allocate (it produces the object).
     */
    T decode(DirectBuffer buffer, int offset, int length);

    /** A short name for errors and the manifest, for example {@code "string"}. */
    String name();
}
