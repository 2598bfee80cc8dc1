package dev.leakhunt.simulations.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RequestMixTest {
    private static final int SLOTS = 200_000;

    @Test
    void sameSeedGivesTheSameRequestForEverySlotInAnotherMixInstance() {
        RequestMix first = LabMix.defaults().toRequestMix();
        RequestMix second = LabMix.defaults().toRequestMix();
        for (long slot = 1; slot <= SLOTS; slot++) {
            assertEquals(first.draw(42, slot), second.draw(42, slot), "slot " + slot);
        }
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        RequestMix mix = LabMix.defaults().toRequestMix();
        int differentKinds = 0;
        int differentRequests = 0;
        for (long slot = 1; slot <= SLOTS; slot++) {
            RequestMix.Draw a = mix.draw(42, slot);
            RequestMix.Draw b = mix.draw(43, slot);
            differentKinds += a.index() != b.index() ? 1 : 0;
            differentRequests += a.equals(b) ? 0 : 1;
        }
        // Two independent draws from 70/20/10 (reads split into hits and misses) differ about half the time.
        assertTrue(differentKinds > SLOTS * 0.4, "kinds differ in only " + differentKinds + " slots");
        assertTrue(differentRequests > SLOTS * 0.9, "requests differ in only " + differentRequests + " slots");
    }

    @Test
    void defaultLabMixHasItsProportionsAndKeySpaces() {
        RequestMix mix = LabMix.defaults().toRequestMix();
        Map<String, Integer> byName = new TreeMap<>();
        for (long slot = 1; slot <= SLOTS; slot++) {
            RequestMix.Draw draw = mix.draw(7, slot);
            RequestTemplate template = mix.requests().get(draw.index());
            byName.merge(template.name(), 1, Integer::sum);
            assertTrue(draw.key() >= template.keyFrom() && draw.key() < template.keyFrom() + template.keyCount(),
                    template.name() + " key " + draw.key());
        }
        assertShare(0.35, byName.get("read hit"));
        assertShare(0.35, byName.get("read miss"));
        assertShare(0.20, byName.get("write"));
        assertShare(0.10, byName.get("downstream"));
    }

    @Test
    void customSharesAreHonouredAndEmptySharesLeftOut() {
        RequestMix mix = new LabMix(90, 10, 0, 10, 100, 100).toRequestMix();
        assertEquals(2, mix.requests().size(), "no downstream and no read miss template");
        int writes = 0;
        for (long slot = 1; slot <= SLOTS; slot++) {
            writes += mix.requests().get(mix.draw(1, slot).index()).method().equals("PUT") ? 1 : 0;
        }
        assertShare(0.10, writes);
    }

    @Test
    void placeholdersAreFilledInPathHeadersAndBody() {
        RequestTemplate write = LabMix.defaults().toRequestMix().requests().stream()
                .filter(t -> t.name().equals("write")).findFirst().orElseThrow();
        assertEquals("/api/items/17", write.path(17, 12345));
        assertEquals("arrival-12345", write.headers(17, 12345).get("X-Request-Id"));
        assertEquals("{\"name\":\"item 17, written by arrival 12345\",\"priceCents\":17}", write.body(17, 12345));
    }

    private static void assertShare(double expected, int count) {
        double share = (double) count / SLOTS;
        assertEquals(expected, share, 0.005, "share " + share);
    }

    @Test
    void theCacheFillEstimateMatchesTheDistinctItemsTheMixReads() {
        int entries = 20_000;
        double arrivalsPerSecond = 400;
        RequestMix mix = LabMix.defaults().toRequestMix();
        java.util.Set<Long> itemsRead = new java.util.HashSet<>();
        long slot = 0;
        while (itemsRead.size() < entries) {
            RequestMix.Draw draw = mix.draw(42, ++slot);
            if (mix.requests().get(draw.index()).method().equals("GET") && draw.key() > 0) {
                itemsRead.add(draw.key());
            }
        }
        double filledAfterS = slot / arrivalsPerSecond;
        double estimateS = LabMix.defaults().cacheFillTime(entries, arrivalsPerSecond, java.time.Duration.ZERO)
                .toMillis() / 1000.0;
        // Hot keys and the rare repeated cold key offset each other; the estimate is for a warm-up hint.
        assertEquals(filledAfterS, estimateS, filledAfterS * 0.05, "filled after " + filledAfterS + " s");
    }
}
