package io.sluice.peers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HotItemsTest
{
    @Test
    void keepsEveryItemTiedAtTheMaximumSorted()
    {
        final HotItems hot = new HotItems().add("1005", 3).add("1002", 7).add("1009", 7).add("1001", 7).add("1003", 2);
        assertEquals(List.of("1001", "1002", "1009"), hot.items());
        assertEquals(7, hot.max());
        assertFalse(hot.isCandidate(6));
        assertTrue(hot.isCandidate(7));
    }

    @Test
    void combiningPartsGivesTheHotItemsOfTheWhole()
    {
        final HotItems left = new HotItems().add("a", 4).add("b", 9);
        final HotItems right = new HotItems().add("c", 9).add("d", 1);
        assertEquals(List.of("b", "c"), left.combine(right).items());
        assertEquals(List.of("x"), new HotItems().add("x", 2).combine(new HotItems().add("y", 1)).items());
    }

    @Test
    void emitsOneRowPerHotItem()
    {
        final Outcome outcome = new Outcome();
        new HotItems().add("b", 5).add("a", 5).emit(3, outcome, true);
        assertEquals(List.of("3\ta\t5", "3\tb\t5"), outcome.outputs());
        assertEquals(3, outcome.lastBatch());
    }
}
