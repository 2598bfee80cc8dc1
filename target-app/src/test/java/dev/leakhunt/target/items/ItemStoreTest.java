package dev.leakhunt.target.items;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void idsOutsideTheCatalogueAreInvalid() {
        assertFalse(ItemStore.isValidId(0));
        assertTrue(ItemStore.isValidId(1));
        assertFalse(ItemStore.isValidId(ItemStore.MAX_ITEM_ID + 1));
    }
}
