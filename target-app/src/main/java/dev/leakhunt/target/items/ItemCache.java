package dev.leakhunt.target.items;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * The legitimate bounded cache in front of the store. It grows while it warms, then plateaus at its maximum
 * size and starts evicting: the curve a leak hunter must not call a leak.
 */
public final class ItemCache {
    private final LoadingCache<Long, Item> items;

    public ItemCache(ItemStore store, int maximumSize) {
        this.items = Caffeine.newBuilder().maximumSize(maximumSize).recordStats().build(store::load);
    }

    public Item get(long id) {
        return items.get(id);
    }

    public void invalidate(long id) {
        items.invalidate(id);
    }

    public long size() {
        return items.estimatedSize();
    }

    public CacheStats stats() {
        return items.stats();
    }
}
