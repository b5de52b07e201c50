package io.sluice.internal.operator;

/** Receives the words {@link WordSplitter} finds: offsets are relative to the data region the lines are in. */
interface WordSink
{
    void onWord(int offset, int length);
}
