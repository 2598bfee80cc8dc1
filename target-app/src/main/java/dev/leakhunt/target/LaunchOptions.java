package dev.leakhunt.target;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The command line of both roles. Values are checked here so a bad flag ends the process before it binds. */
@Command(name = "target-app", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The leakhunt lab service (--role=target) or its downstream (--role=downstream).")
public final class LaunchOptions {
    static final int DEFAULT_TARGET_PORT = 8080;
    static final int DEFAULT_ADMIN_PORT = 8081;
    static final int DEFAULT_DOWNSTREAM_PORT = 8090;

    @Option(names = "--role", defaultValue = "target", converter = RoleConverter.class,
            description = "target|downstream (default: ${DEFAULT-VALUE})")
    private Role role;

    @Option(names = "--leak", defaultValue = "none", converter = LeakConverter.class,
            description = "none|thread|fd|map|ticker|vthread|direct|metaspace (default: ${DEFAULT-VALUE}); target role only")
    private LeakMode leak;

    @Option(names = "--port", converter = PortConverter.class,
            description = "public port on 127.0.0.1; 0 picks a free one (default: 8080, downstream 8090)")
    private Integer port;

    @Option(names = "--admin-port", defaultValue = "" + DEFAULT_ADMIN_PORT, converter = PortConverter.class,
            description = "admin port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}); target role only")
    private int adminPort;

    @Option(names = "--cache-size", defaultValue = "80000", converter = PositiveIntConverter.class,
            description = "maximum entries of the item cache (default: ${DEFAULT-VALUE})")
    private int cacheSize;

    @Option(names = "--downstream", defaultValue = "http://127.0.0.1:" + DEFAULT_DOWNSTREAM_PORT,
            converter = HttpUriConverter.class, description = "base URL of the downstream process (default: ${DEFAULT-VALUE})")
    private URI downstream;

    @Option(names = "--accel", defaultValue = "1", converter = AccelConverter.class,
            description = "time compression of the service's own time constants, matching the soak's rate multiplier (default: ${DEFAULT-VALUE})")
    private double accel;

    @Option(names = "--dump-dir", description = "folder for heap dumps and JFR dumps (default: <tmpdir>/leakhunt-dumps)")
    private Path dumpDir;

    public Role role() {
        return role;
    }

    public LeakMode leak() {
        return leak;
    }

    public int port() {
        if (port != null) {
            return port;
        }
        return role == Role.DOWNSTREAM ? DEFAULT_DOWNSTREAM_PORT : DEFAULT_TARGET_PORT;
    }

    public int adminPort() {
        return adminPort;
    }

    public int cacheSize() {
        return cacheSize;
    }

    public URI downstream() {
        return downstream;
    }

    public double accel() {
        return accel;
    }

    public Path dumpDir() {
        return dumpDir != null ? dumpDir : Path.of(System.getProperty("java.io.tmpdir"), "leakhunt-dumps");
    }

    /** Cross-flag rules picocli cannot express; returns the problem in one line, or null. */
    String conflict() {
        if (role == Role.DOWNSTREAM && leak != LeakMode.NONE) {
            return "--leak applies to --role=target only; the downstream always runs clean (use --leak=none)";
        }
        return null;
    }

    static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            return CliNames.parse(Role.class, value);
        }
    }

    static final class LeakConverter implements ITypeConverter<LeakMode> {
        @Override
        public LeakMode convert(String value) {
            return CliNames.parse(LeakMode.class, value);
        }
    }

    static final class PortConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port = parseInt(value, "a port number 0..65535");
            if (port < 0 || port > 65535) {
                throw new TypeConversionException("'" + value + "' is not a port number 0..65535");
            }
            return port;
        }
    }

    static final class PositiveIntConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = parseInt(value, "a whole number >= 1");
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' is not a whole number >= 1");
            }
            return n;
        }
    }

    static final class AccelConverter implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double accel = Double.parseDouble(value);
                if (accel >= 1 && accel <= 1000) {
                    return accel;
                }
            } catch (NumberFormatException e) {
                // reported below with the valid range
            }
            throw new TypeConversionException("'" + value + "' is not a number from 1 to 1000");
        }
    }

    static final class HttpUriConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = URI.create(value);
                if ("http".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() > 0
                        && (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath()))) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below with the expected shape
            }
            throw new TypeConversionException("'" + value + "' is not of the form http://<host>:<port>");
        }
    }

    private static int parseInt(String value, String expected) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not " + expected);
        }
    }
}
