package dev.leakhunt.target.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ItemStoreTest {

    @Test
    void anUnwrittenItemIsVersionZeroAndTheSameOnEveryLoad() {
        try (ItemStore store = ItemStore.openTemporary()) {
            Item first = store.load(77);
            assertEquals(0, first.version());
            assertEquals("Item 77", first.name());
            assertEquals(first, store.load(77));
        }
    }

    @Test
    void writesBumpTheVersionAndSurviveAReload() {
        try (ItemStore store = ItemStore.openTemporary()) {
            Item before = store.load(ItemStore.MAX_ITEM_ID);
            store.write(ItemStore.MAX_ITEM_ID, new ItemWrite("first", 100L));
            Item written = store.write(ItemStore.MAX_ITEM_ID, new ItemWrite("grüße", 250L));
            assertEquals(2, written.version());
            assertEquals(written, store.load(ItemStore.MAX_ITEM_ID));
            assertNotEquals(before.description(), written.description());
        }
    }

    @Test
    void theLargestNameFitsItsSlot() {
        String name = "é".repeat(ItemWrite.MAX_NAME_BYTES / 2);
        assertEquals(null, new ItemWrite(name, 1L).problem());
        try (ItemStore store = ItemStore.openTemporary()) {
            assertEquals(name, store.write(5, new ItemWrite(name, 1L)).name());
            assertEquals(name, store.load(5).name());
        }
    }

    @Test
    void theOpenStoreHasNoNameLeftToOutliveAKill() throws IOException {
        try (ItemStore store = ItemStore.openTemporary()) {
            store.write(9, new ItemWrite("kept", 1L));
            List<String> storeFiles = openFiles().stream().filter(f -> f.contains("leakhunt-items-")).toList();
            assertEquals(1, storeFiles.size(), storeFiles.toString());
            assertTrue(storeFiles.getFirst().endsWith(" (deleted)"), storeFiles.getFirst());
            assertEquals("kept", store.load(9).name());
        }
    }

    private static List<String> openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return "";
                }
            }).toList();
        }
    }

    @Test
    void idsOutsideTheCatalogueAreInvalid() {
        assertFalse(ItemStore.isValidId(0));
        assertTrue(ItemStore.isValidId(1));
        assertFalse(ItemStore.isValidId(ItemStore.MAX_ITEM_ID + 1));
    }
}
