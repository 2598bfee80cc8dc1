package dev.leakhunt.target.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A bad command line or a busy port ends the jar with status 2 and one line saying what is valid. */
class CommandLineIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--leak=goroutine          | none|thread|fd|map|ticker|vthread|direct|metaspace",
        "--role=sidecar            | target|downstream",
        "--port=70000              | 0..65535",
        "--cache-size=0            | >= 1",
        "--accel=fast              | from 1 to 1000",
        "--downstream=localhost    | http://<host>:<port>",
        "--colour=blue             | --leak",
        "--role=downstream --leak=fd | --leak=none",
    })
    void badFlagExits2WithOneLineNamingTheValidValues(String args, String valid) throws Exception {
        Result result = run(args.trim().split(" "));
        assertEquals(2, result.exitCode, result.stderr);
        assertEquals(1, result.stderr.lines().count(), result.stderr);
        assertTrue(result.stderr.contains(valid.trim()), result.stderr);
        assertEquals("", result.stdout);
    }

    @Test
    void busyPortExits2() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run("--port=" + busy.getLocalPort(), "--admin-port=0");
            assertEquals(2, result.exitCode, result.stderr);
            assertEquals(1, result.stderr.lines().count(), result.stderr);
            assertTrue(result.stderr.contains("port " + busy.getLocalPort() + " on 127.0.0.1 is already in use"), result.stderr);
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(LabProcess.javaCommand(LabProcess.jar(), args)).start();
        try {
            if (!process.waitFor(LabProcess.READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException("target-app " + List.of(args) + " did not exit");
            }
            return new Result(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly().waitFor();
        }
    }
}
