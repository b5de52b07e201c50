package io.sluice.peers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpecTest
{
    @Test
    void aTaggedKeyGivesBackItsKeyAndRecordIndex()
    {
        final String tagged = Spec.tagged(123_456_789L, "k42");
        assertEquals("k42", Spec.keyOf(tagged));
        assertEquals(123_456_789L, Spec.indexOf(tagged));
        assertEquals("k42", Spec.keyOf("k42"));
        assertEquals(-1, Spec.indexOf("k42"));
    }

    @Test
    void onlyTheStateWorkloadsLatencyLinesAreTagged()
    {
        final OpenLoop open = new OpenLoop(1000, 100, 10, 0);
        final String[] keys = {"k0", "k1", "k2"};
        final Spec state = new Spec("state", 10, 0, 1, false, keys, open);
        assertEquals("k1", Spec.keyOf(state.latencyLine(4)));
        assertEquals(4, Spec.indexOf(state.latencyLine(4)));
        assertEquals("k1", new Spec("uber", 10, 0, 1, false, keys, open).latencyLine(4));
    }
}
