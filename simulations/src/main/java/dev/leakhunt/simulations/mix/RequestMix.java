package dev.leakhunt.simulations.mix;

import java.util.List;

/**
 * A weighted set of request templates and the pure function that picks one request for an arrival slot.
 * Same seed and slot, same request: see {@link SlotRandom}.
 */
public final class RequestMix {
    private final List<RequestTemplate> requests;
    private final long[] cumulativeWeights;

    public RequestMix(List<RequestTemplate> requests) {
        if (requests.isEmpty()) {
            throw new IllegalArgumentException("a mix needs at least one request");
        }
        this.requests = List.copyOf(requests);
        this.cumulativeWeights = new long[requests.size()];
        long total = 0;
        for (int i = 0; i < requests.size(); i++) {
            total = Math.addExact(total, requests.get(i).weight());
            cumulativeWeights[i] = total;
        }
    }

    public List<RequestTemplate> requests() {
        return requests;
    }

    /** The request of arrival slot {@code slot} under {@code seed}: which template, and the key it uses. */
    public Draw draw(long seed, long slot) {
        SlotRandom random = SlotRandom.of(seed, slot);
        long point = random.nextBelow(cumulativeWeights[cumulativeWeights.length - 1]);
        int index = 0;
        while (cumulativeWeights[index] <= point) {
            index++;
        }
        RequestTemplate template = requests.get(index);
        return new Draw(index, template.keyFrom() + random.nextBelow(template.keyCount()));
    }

    /** The outcome of {@link #draw}: index of the template in {@link #requests()} and the key. */
    public record Draw(int index, long key) {}
}
