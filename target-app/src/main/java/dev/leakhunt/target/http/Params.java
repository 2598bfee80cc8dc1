package dev.leakhunt.target.http;

import io.javalin.http.BadRequestResponse;

/** Request parameters parsed the same way everywhere, failing with a 400 that says what was expected. */
public final class Params {
    private Params() {
    }

    /** {@code raw} as a whole number of at least 1; {@code what} names it in the error. */
    public static long positiveId(String raw, String what) {
        try {
            long id = Long.parseLong(raw);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below with what was expected
        }
        throw new BadRequestResponse(what + " must be a whole number >= 1, was '" + raw + "'");
    }
}
