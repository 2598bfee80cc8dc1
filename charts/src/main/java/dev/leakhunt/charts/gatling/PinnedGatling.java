package dev.leakhunt.charts.gatling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Gatling version this build pins (root pom {@code gatling.version}), copied into a filtered resource at
 * build time so the version is written once. The binary {@code simulation.log} is undocumented and Gatling's own
 * reader refuses a log from any other version, so ours does the same.
 */
public final class PinnedGatling {

    public static final String VERSION = load();

    private PinnedGatling() {
    }

    private static String load() {
        try (InputStream in = PinnedGatling.class.getResourceAsStream("pinned-gatling.properties")) {
            if (in == null) {
                throw new IllegalStateException("pinned-gatling.properties is missing from the charts jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("gatling.version", "");
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException("pinned-gatling.properties was not filtered by the build: " + version);
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
