package dev.leakhunt.target.items;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The backing store: a sparse file of fixed-size slots, one per item id. Writes live on disk, not on the heap,
 * so the store adds nothing to the live heap however many ids are written (the cache is the only thing that
 * warms). An id never written reads as version 0 with a name and price derived from the id.
 */
public final class ItemStore implements AutoCloseable {
    public static final long MAX_ITEM_ID = 1_000_000L;
    private static final int SLOT_BYTES = 256;
    private static final int LOCK_STRIPES = 64;

    private final FileChannel channel;
    private final Object[] stripes = new Object[LOCK_STRIPES];

    private ItemStore(FileChannel channel) {
        this.channel = channel;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * A store in a fresh temporary file, unlinked as soon as it is open: its blocks live while the channel does, and
     * a service killed with SIGKILL (an OOM kill, a crash test) leaves no file behind.
     */
    public static ItemStore openTemporary() {
        try {
            Path file = Files.createTempFile("leakhunt-items-", ".slots");
            try {
                return new ItemStore(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the item store file", e);
        }
    }

    public static boolean isValidId(long id) {
        return id >= 1 && id <= MAX_ITEM_ID;
    }

    public Item load(long id) {
        Slot slot = read(id);
        if (slot.version == 0) {
            return ItemRenderer.render(id, 0, "Item " + id, ItemRenderer.defaultPriceCents(id));
        }
        return ItemRenderer.render(id, slot.version, slot.name, slot.priceCents);
    }

    public Item write(long id, ItemWrite write) {
        synchronized (stripes[(int) (id % LOCK_STRIPES)]) {
            int version = read(id).version + 1;
            byte[] name = write.name().getBytes(StandardCharsets.UTF_8);
            ByteBuffer buffer = ByteBuffer.allocate(SLOT_BYTES);
            buffer.putInt(version).putLong(write.priceCents()).putShort((short) name.length).put(name).rewind(); // the whole slot, so a later read never meets the end of the file inside it
            try {
                channel.write(buffer, offset(id));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write item " + id, e);
            }
            return ItemRenderer.render(id, version, write.name(), write.priceCents());
        }
    }

    private Slot read(long id) {
        ByteBuffer buffer = ByteBuffer.allocate(SLOT_BYTES);
        try {
            long position = offset(id);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    return Slot.EMPTY;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read item " + id, e);
        }
        buffer.flip();
        int version = buffer.getInt();
        if (version == 0) {
            return Slot.EMPTY;
        }
        long priceCents = buffer.getLong();
        byte[] name = new byte[buffer.getShort()];
        buffer.get(name);
        return new Slot(version, new String(name, StandardCharsets.UTF_8), priceCents);
    }

    private static long offset(long id) {
        return id * SLOT_BYTES;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the item store file", e);
        }
    }

    private record Slot(int version, String name, long priceCents) {
        static final Slot EMPTY = new Slot(0, null, 0);
    }
}
