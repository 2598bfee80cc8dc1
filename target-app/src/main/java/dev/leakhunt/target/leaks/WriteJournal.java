package dev.leakhunt.target.leaks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Journals each write (the item id and the answer the client got) off the heap, so a replica that reconnects can
 * catch up on the recent writes instead of copying the store, and the journal costs the GC nothing to trace.
 * Planted leak {@code direct}: per request one direct buffer of {@value #RECORD_BYTES} bytes that is never freed.
 * <p>
 * The heap keeps only the buffers' small handles (≈0.14 KB a record: the {@code DirectByteBuffer}, its
 * {@code Cleaner} and {@code Deallocator}); the bytes are native memory, counted by the "direct" BufferPoolMXBean, RSS
 * and Native Memory Tracking ({@code Other}), and capped by {@code -XX:MaxDirectMemorySize} (by default the heap's
 * maximum), past which a write fails with {@code OutOfMemoryError: Cannot reserve … bytes of direct buffer memory}.
 */
public final class WriteJournal {
    /** A record's buffer; an answer longer than this (a name full of escapes) gets a buffer its size. */
    public static final int RECORD_BYTES = 2_048;
    /** The fixed twin's bound: the last this many writes, each in a buffer reused for a later write. */
    public static final int MAX_RECORDS = 1_024;

    private final boolean planted;
    /** Every record since the last checkpoint (planted). */
    private final List<ByteBuffer> records = new ArrayList<>();
    /** The last MAX_RECORDS records, oldest overwritten first (fixed twin). */
    private final ByteBuffer[] ring = new ByteBuffer[MAX_RECORDS];
    private long appended;

    public WriteJournal(boolean planted) {
        this.planted = planted;
    }

    /** Adds the write of {@code itemId} that was answered with {@code answer}. */
    public synchronized void append(long itemId, String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        if (planted) {
            // LEAK(direct): a new off-heap record per write, in a list that only a checkpoint would trim, and
            // nothing checkpoints: every write keeps RECORD_BYTES of native memory for good
            records.add(fill(ByteBuffer.allocateDirect(recordBytes(bytes)), itemId, bytes));
        } else {
            // fixed twin: a ring of MAX_RECORDS records; a write overwrites the oldest and reuses its buffer
            int slot = (int) (appended % MAX_RECORDS);
            ByteBuffer reused = ring[slot];
            ring[slot] = fill(reused != null && reused.capacity() >= recordBytes(bytes)
                    ? reused.clear() : ByteBuffer.allocateDirect(recordBytes(bytes)), itemId, bytes);
        }
        appended++;
    }

    /** A record holds the item id, the answer's length and the answer's UTF-8 bytes. */
    private static int recordBytes(byte[] answer) {
        return Math.max(RECORD_BYTES, Long.BYTES + Integer.BYTES + answer.length);
    }

    private static ByteBuffer fill(ByteBuffer record, long itemId, byte[] answer) {
        return record.putLong(itemId).putInt(answer.length).put(answer).flip();
    }
}
