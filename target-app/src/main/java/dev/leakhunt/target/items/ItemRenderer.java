package dev.leakhunt.target.items;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * Turns a stored record into a full {@link Item}: the work a cache miss pays for. It is real allocation work
 * (≈10 KB of garbage and ≈1 KB retained per item), deterministic for a given id and version.
 */
final class ItemRenderer {
    private static final String[] WORDS = {
        "alloy", "bracket", "calibrated", "durable", "ergonomic", "flanged", "galvanized", "hardened", "insulated",
        "jointed", "knurled", "laminated", "machined", "nickel", "oxidized", "polished", "quartz", "reinforced",
        "sealed", "tempered", "universal", "vented", "welded", "anodized", "brushed", "cast", "forged", "graded",
        "heavy", "industrial", "light", "modular", "precision", "rated", "slotted", "threaded", "washer", "valve",
        "spindle", "gasket", "coupling", "bearing", "housing", "manifold", "sensor", "relay", "fitting", "hinge",
        "panel", "rail", "clamp", "shaft", "spring", "nozzle", "pump", "filter", "socket", "cable", "module",
        "frame", "cover", "plate", "ring", "seal",
    };
    private static final int DESCRIPTION_WORDS = 120;
    private static final int WORDS_PER_SENTENCE = 12;
    private static final int TAGS = 4;

    private ItemRenderer() {
    }

    static Item render(long id, int version, String name, long priceCents) {
        SplittableRandom random = new SplittableRandom(id * 1_000_003L + version);
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < DESCRIPTION_WORDS; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            boolean sentenceStart = i % WORDS_PER_SENTENCE == 0;
            if (i > 0) {
                description.append(sentenceStart ? ". " : " ");
            }
            description.append(sentenceStart ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        description.append('.');
        List<String> tags = new ArrayList<>(TAGS);
        while (tags.size() < TAGS) {
            String tag = WORDS[random.nextInt(WORDS.length)];
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        String text = description.toString();
        CRC32C crc = new CRC32C();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return new Item(id, version, name, priceCents, text, List.copyOf(tags), HexFormat.of().toHexDigits((int) crc.getValue()));
    }

    /** The price of an item nobody has written yet. */
    static long defaultPriceCents(long id) {
        return 100 + new SplittableRandom(id).nextLong(99_900);
    }
}
