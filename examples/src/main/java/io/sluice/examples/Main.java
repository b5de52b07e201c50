package io.sluice.examples;

import io.sluice.examples.wordcount.NetworkWordCount;

/**
 * The runnable jar's entry point: Sluice's main job, the network word count, on embedded defaults (a built-in
 * text feeder on a loopback socket; no other setup). Options are {@link NetworkWordCount}'s.
 */
public final class Main
{
    private Main()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        NetworkWordCount.main(args);
    }
}
