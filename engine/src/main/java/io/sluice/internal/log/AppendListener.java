package io.sluice.internal.log;

/**
 * Told each time a block of records becomes a document in a stream's queue: the moment those records are in
 * the log. For metrics and latency measurement.
 *
 * <p>Called on the log-writer thread, once per document: implementations must be quick, must not block and
 * should not allocate.
 */
@FunctionalInterface
public interface AppendListener
{
    /** Listens to nothing. */
    AppendListener NONE = (streamId, index, records) -> {};

    /**
     * @param streamId the stream whose queue got the document.
     * @param index    the document's Chronicle index.
     * @param records  how many records it holds.
     */
    void onAppended(int streamId, long index, int records);
}
