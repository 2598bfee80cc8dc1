package dev.leakhunt.simulations.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MixFileTest {
    @TempDir
    Path folder;

    @Test
    void readsRequestsWithDefaultsForOptionalFields() throws Exception {
        RequestMix mix = MixFile.read(write("""
                {"requests": [
                  {"name": "get", "weight": 3, "method": "GET", "path": "/notes/{key}", "keys": 50},
                  {"name": "put", "weight": 1, "method": "PUT", "path": "/notes/{key}",
                   "headers": {"Content-Type": "text/plain"}, "body": "n{slot}", "status": 204}
                ]}"""));
        RequestTemplate get = mix.requests().get(0);
        RequestTemplate put = mix.requests().get(1);
        assertEquals(200, get.expectedStatus());
        assertEquals(50, get.keyCount());
        assertNull(get.body());
        assertEquals(1, put.keyCount());
        assertEquals(204, put.expectedStatus());
        assertEquals("n9", put.body(0, 9));
        assertEquals("text/plain", put.headers().get("Content-Type"));
    }

    @Test
    void refusesWhatCannotBeSentWithOneLineNamingTheProblem() throws IOException {
        assertRefused("cannot read it", folder.resolve("absent.json"));
        assertRefused("not valid JSON", write("{\"requests\": ["));
        assertRefused("non-empty \"requests\" array", write("{\"requests\": []}"));
        assertRefused("\"FETCH\" is not one of DELETE|GET|HEAD|OPTIONS|PATCH|POST|PUT",
                write("{\"requests\": [{\"name\": \"x\", \"weight\": 1, \"method\": \"FETCH\", \"path\": \"/\"}]}"));
        assertRefused("requests[0].weight must be a positive integer",
                write("{\"requests\": [{\"name\": \"x\", \"weight\": 0, \"method\": \"GET\", \"path\": \"/\"}]}"));
        assertRefused("unknown field \"url\"; valid: body, headers, keys, method, name, path, status, weight",
                write("{\"requests\": [{\"name\": \"x\", \"weight\": 1, \"method\": \"GET\", \"url\": \"/\"}]}"));
        assertRefused("path must start with /",
                write("{\"requests\": [{\"name\": \"x\", \"weight\": 1, \"method\": \"GET\", \"path\": \"x\"}]}"));
    }

    private void assertRefused(String expected, Path file) {
        MixFileException e = assertThrows(MixFileException.class, () -> MixFile.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("mix file " + file), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(folder, "mix", ".json");
        Files.writeString(file, json);
        return file;
    }
}
