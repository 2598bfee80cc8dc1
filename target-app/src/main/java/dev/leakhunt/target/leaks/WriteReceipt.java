package dev.leakhunt.target.leaks;

/** What a write answered, kept so a retry of the same request gets the same answer. */
public record WriteReceipt(String requestId, long itemId, long writtenAtMs, String answer) {
}
