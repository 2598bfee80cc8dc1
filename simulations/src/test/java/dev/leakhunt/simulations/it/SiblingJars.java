package dev.leakhunt.simulations.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The jars a soak runs besides soak.jar. In a reactor build (make test) they are packaged before this module's
 * integration tests; run alone ({@code mvn -pl simulations verify}) the tests build them once. Use it as
 * {@code @ExtendWith(SiblingJars.class)}.
 */
final class SiblingJars implements BeforeAllCallback {
    static final Path TARGET_APP = SoakRun.HOME.resolve("target-app/target/target-app.jar");
    static final Path SAMPLER = SoakRun.HOME.resolve("sampler/target/sampler.jar");
    static final Path CHARTS = SoakRun.HOME.resolve("charts/target/charts.jar");

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        ensureBuilt();
    }

    private static synchronized void ensureBuilt() throws IOException, InterruptedException {
        if (Files.exists(TARGET_APP) && Files.exists(SAMPLER) && Files.exists(CHARTS)) {
            return;
        }
        Process build = new ProcessBuilder(List.of("mvn", "-B", "-q", "-f", SoakRun.HOME.resolve("pom.xml").toString(),
                "-pl", "target-app,sampler,charts", "-DskipTests", "package"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!build.waitFor(10, TimeUnit.MINUTES)) {
            build.destroyForcibly();
        }
        assumeTrue(Files.exists(TARGET_APP) && Files.exists(SAMPLER),
                "target-app.jar or sampler.jar could not be built; the soak needs both");
    }
}
