package dev.leakhunt.target.items;

import java.util.List;

/** One catalogue item as the API serves it (≈1 KB on the heap, mostly the description). */
public record Item(long id, int version, String name, long priceCents, String description, List<String> tags,
                   String checksum) {
}
