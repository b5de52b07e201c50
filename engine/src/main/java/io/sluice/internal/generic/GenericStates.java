package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.graph.BatchData;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How the generic stateful nodes write a batch of (key, value) pairs into a snapshot section: int version (1), int
 * count (-1 when the node had no batch at that time), then each key and value tagged by {@link StateCodecs}, in the
 * batch's order.
 */
final class GenericStates
{
    static final int VERSION = 1;

    private GenericStates()
    {
    }

    static <K, V> void writePairs(final BatchData<Pair<K, V>> batch, final DataOutput out, final StateCodecs codecs)
        throws IOException
    {
        out.writeInt(VERSION);
        if (batch == null)
        {
            out.writeInt(-1);
            return;
        }
        final List<Pair<K, V>> pairs = batch.collect();
        out.writeInt(pairs.size());
        for (final Pair<K, V> pair : pairs)
        {
            codecs.write(pair.key(), out);
            codecs.write(pair.value(), out);
        }
    }

    /** @return the pairs, or {@code null} when the node had no batch. */
    @SuppressWarnings("unchecked")
    static <K, V> List<Pair<K, V>> readPairs(final DataInput in, final StateCodecs codecs) throws IOException
    {
        checkVersion(in.readInt());
        final int count = in.readInt();
        if (count < 0)
        {
            return null;
        }
        final List<Pair<K, V>> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            pairs.add(Pair.of((K)codecs.read(in), (V)codecs.read(in)));
        }
        return pairs;
    }

    static void checkVersion(final int version)
    {
        if (version != VERSION)
        {
            throw new IllegalStateException("generic state section version " + version + " is not supported (this "
                + "build reads version " + VERSION + ")");
        }
    }
}
