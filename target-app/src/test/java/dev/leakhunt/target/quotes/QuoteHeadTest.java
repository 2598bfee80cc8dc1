package dev.leakhunt.target.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuoteHeadTest {

    @Test
    void bestPricesComeFromTheFirstBytesOfABook() throws IOException {
        byte[] book = QuoteBook.render(123_456);
        assertTrue(book.length > 100 * 1024, "a book must be well above the client's read-ahead: " + book.length);
        QuoteHead head = QuoteHead.parse(123_456, Arrays.copyOf(book, QuoteHead.MAX_HEAD_BYTES));
        QuoteHead model = QuoteHead.model(123_456, QuoteHead.DOWNSTREAM);
        assertEquals(model, head);
    }

    @Test
    void aHeadWithoutBestPricesIsAnError() {
        assertThrows(IOException.class, () -> QuoteHead.parse(1, "{\"id\":1,\"levels\":[".getBytes()));
    }
}
