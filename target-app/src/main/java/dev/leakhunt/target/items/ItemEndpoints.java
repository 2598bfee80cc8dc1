package dev.leakhunt.target.items;

import dev.leakhunt.target.http.Params;
import dev.leakhunt.target.leaks.WriteJournal;
import dev.leakhunt.target.leaks.WriteReceipts;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ContentType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.util.UUID;

/** {@code GET} and {@code PUT /api/items/{id}}: reads through the cache, writes to the store. */
public final class ItemEndpoints {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final ItemCache cache;
    private final ItemStore store;
    private final WriteReceipts receipts;
    private final WriteJournal journal;

    public ItemEndpoints(ItemCache cache, ItemStore store, WriteReceipts receipts, WriteJournal journal) {
        this.cache = cache;
        this.store = store;
        this.receipts = receipts;
        this.journal = journal;
    }

    public void read(Context ctx) {
        ctx.json(cache.get(itemId(ctx)));
    }

    public void write(Context ctx) {
        long id = itemId(ctx);
        String requestId = ctx.header(REQUEST_ID_HEADER);
        if (requestId == null || requestId.isBlank()) {
            requestId = UUID.randomUUID().toString();
        }
        String answer = receipts.answer(requestId, id, () -> {
            Item written = store.write(id, parse(ctx));
            cache.invalidate(id);
            String json = ctx.jsonMapper().toJsonString(written, Item.class);
            journal.append(id, json);
            return json;
        });
        ctx.header(REQUEST_ID_HEADER, requestId).contentType(ContentType.APPLICATION_JSON).result(answer);
    }

    private static ItemWrite parse(Context ctx) {
        ItemWrite write;
        try {
            write = ctx.bodyAsClass(ItemWrite.class);
        } catch (HttpResponseException e) {
            throw e;
        } catch (Exception e) { // Javalin rethrows the JSON mapper's checked exceptions unchecked
            throw new BadRequestResponse("body must be JSON {\"name\":\"…\",\"priceCents\":N}");
        }
        String problem = write == null ? "body must not be empty" : write.problem();
        if (problem != null) {
            throw new BadRequestResponse(problem);
        }
        return write;
    }

    private static long itemId(Context ctx) {
        long id = Params.positiveId(ctx.pathParam("id"), "item id");
        if (!ItemStore.isValidId(id)) {
            throw new NotFoundResponse("no item " + id + " (ids are 1.." + ItemStore.MAX_ITEM_ID + ")");
        }
        return id;
    }
}
