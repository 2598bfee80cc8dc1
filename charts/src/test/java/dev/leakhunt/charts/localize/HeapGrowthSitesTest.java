package dev.leakhunt.charts.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The attribution rules on a heap evidence built by hand: one map leak with few samples, a full ring whose
 * replaced arrays are most of the samples, objects older than the window, a class that did not grow, an
 * application class with no live sample, and what an earlier dump or the garbage in a dump left in the file.
 */
class HeapGrowthSitesTest {

    private static final Instant FROM = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TO = FROM.plusSeconds(600);
    private static final Instant IN_WINDOW = FROM.plusSeconds(300);
    private static final String LEAK_SITE = "app.Store.remember(Store.java:10)";
    private static final String RECEIPT_SITE = "app.Store.remember(Store.java:11)";
    private static final String OTHER_RECEIPT_SITE = "app.Audit.copy(Audit.java:7)";
    private static final String NODE = "java.util.concurrent.ConcurrentHashMap$Node";

    private static final Map<String, Tally> BEFORE = Map.of(
            "byte[]", new Tally(10_000, 10_000_000),
            NODE, new Tally(1_000, 32_000),
            "byte[][]", new Tally(1, 4_112),
            "char[]", new Tally(100, 5_000_000));
    private static final Map<String, Tally> AFTER = Map.of(
            "byte[]", new Tally(60_000, 60_000_000),
            NODE, new Tally(51_000, 1_632_000),
            "byte[][]", new Tally(1, 4_112),
            "char[]", new Tally(100, 5_000_000),
            "app.Receipt", new Tally(40_000, 1_600_000));

    private final List<RetainedSamples.Sample> written = new ArrayList<>();
    private final AllocationSites allocations = new AllocationSites();

    @Test
    void theMapLeakGetsTheGrowthOfItsClassesAndNothingElseDoes() {
        samples(3, "byte[]", LEAK_SITE, IN_WINDOW, Optional.of(NODE), true, TO);
        // A full ring: its new arrays replaced old ones in a slot of an array that did not grow.
        samples(6, "byte[]", "app.Ring.churn(Ring.java:5)", IN_WINDOW, Optional.of("byte[][]"), true, TO);
        // There before the window: not this window's growth.
        samples(2, "byte[]", "app.Setup.load(Setup.java:3)", FROM.minusSeconds(60), Optional.of(NODE), true, TO);
        // Garbage the heap walk found no path to, and the same leak as an earlier dump wrote it.
        samples(5, "byte[]", "app.Parser.parse(Parser.java:9)", IN_WINDOW, Optional.empty(), false, TO);
        samples(4, "byte[]", "app.Parser.parse(Parser.java:9)", IN_WINDOW, Optional.of(NODE), true,
                FROM.plusSeconds(200));
        // Alive and new, but its class did not grow.
        samples(4, "char[]", "app.Pool.fill(Pool.java:2)", IN_WINDOW, Optional.of(NODE), true, TO);
        allocations.add("app.Receipt", RECEIPT_SITE, IN_WINDOW, 1_000);
        allocations.add("app.Receipt", OTHER_RECEIPT_SITE, IN_WINDOW, 3_000);
        allocations.add("app.Receipt", "app.Boot.init(Boot.java:1)", FROM.minusSeconds(3_600), 50_000);

        List<HeapGrowthSites.Site> sites = HeapGrowthSites.attribute(BEFORE, AFTER,
                new HeapRecording(RetainedSamples.of(written), allocations, new ResourceCalls(), List.of(),
                        Set.of()), FROM, TO);

        assertEquals(List.of(LEAK_SITE, OTHER_RECEIPT_SITE, RECEIPT_SITE),
                sites.stream().map(HeapGrowthSites.Site::site).toList());
        HeapGrowthSites.Site leak = sites.getFirst();
        assertEquals(50_000_000, leak.bytesDelta(), "all of byte[]'s growth");
        assertEquals(50_000, leak.countDelta());
        assertEquals(3, leak.liveSamples());
        assertEquals(List.of("byte[]"), leak.classes());
        assertEquals(1_200_000, sites.get(1).bytesDelta(), "3/4 of the receipts' growth, by allocation weight");
        assertEquals(1, sites.get(1).allocationSamples());
        assertEquals(400_000, sites.get(2).bytesDelta());
        assertEquals("", sites.get(2).pathToRoot(), "no live sample, no path");
    }

    /**
     * The lab's map leak beside a full cache: the only live {@code byte[]} samples were the strings of the cache's
     * items, and {@code String} grew with the leak's receipts; the items did not.
     */
    @Test
    void bytesKeptByTheItemsOfAFullCacheAreNotItsGrowth() {
        List<String> itemPath = List.of("java.lang.String", "app.Item", "com.example.cache.Node");
        assertEquals(Optional.of("app.Item"), ReferenceChain.keeper(itemPath, itemPath));
        List<String> listPath = List.of("java.lang.Object[]", "java.util.ArrayList", "app.Store");
        assertEquals(Optional.of("java.lang.Object[]"), ReferenceChain.keeper(listPath.subList(0, 2), listPath),
                "a static field's owner does not grow with what the field holds");
        samples(6, "byte[]", "app.ItemCache.get(ItemCache.java:19)", IN_WINDOW, Optional.of("app.Item"), true, TO);
        Map<String, Tally> before = Map.of("byte[]", new Tally(10_000, 10_000_000), "app.Item", new Tally(20_716, 994_368));
        Map<String, Tally> after = Map.of("byte[]", new Tally(60_000, 60_000_000), "app.Item", new Tally(20_127, 966_096));

        List<HeapGrowthSites.Site> sites = HeapGrowthSites.attribute(before, after,
                new HeapRecording(RetainedSamples.of(written), allocations, new ResourceCalls(), List.of(),
                        Set.of()), FROM, TO);

        assertEquals(List.of(), sites, "the items' strings replaced evicted ones: none of byte[]'s growth");
    }

    private void samples(int count, String type, String site, Instant allocatedAt, Optional<String> holder,
            boolean reachable, Instant writtenAt) {
        for (int i = 0; i < count; i++) {
            written.add(new RetainedSamples.Sample(site, type, allocatedAt,
                    reachable ? "[root: static] → " + holder.orElse("?") + " → " + type : "(no path)", holder,
                    reachable, writtenAt));
        }
    }
}
