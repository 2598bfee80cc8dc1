package dev.leakhunt.simulations.load;

import dev.leakhunt.simulations.mix.LabMix;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Every parameter a simulation takes, with its default, in one place. The simulations read them from system
 * properties ({@code mvn gatling:test -Dsoak.rate-per-s=200 …}); the supervisor writes them as such.
 *
 * @param baseUrl         where the requests go
 * @param ratePerSecond   arrivals per second before acceleration
 * @param accel           multiplier of the rate (a slow leak surfaces sooner)
 * @param duration        how long load is injected, ramp and waves included
 * @param rampUp          the first part of the duration, over which the rate rises linearly from 0
 * @param seed            decides the request of every arrival slot
 * @param requestTimeout  a request without an answer by then counts as failed
 * @param waves           on/off load waves, or {@link LoadWaves#NONE}
 * @param labMix          the lab target's mix (used by the soak simulation)
 * @param mixFile         the JSON mix (used by the mix-file simulation), or null
 */
public record SimulationParameters(
        String baseUrl,
        double ratePerSecond,
        double accel,
        Duration duration,
        Duration rampUp,
        long seed,
        Duration requestTimeout,
        LoadWaves waves,
        LabMix labMix,
        String mixFile) {

    public static final String BASE_URL = "soak.base-url";
    public static final String RATE = "soak.rate-per-s";
    public static final String ACCEL = "soak.accel";
    public static final String DURATION_S = "soak.duration-s";
    public static final String RAMP_S = "soak.ramp-s";
    public static final String SEED = "soak.seed";
    public static final String REQUEST_TIMEOUT_MS = "soak.request-timeout-ms";
    public static final String WAVE_ON_S = "soak.wave-on-s";
    public static final String WAVE_OFF_S = "soak.wave-off-s";
    public static final String READ_PERCENT = "soak.read-percent";
    public static final String WRITE_PERCENT = "soak.write-percent";
    public static final String DOWNSTREAM_PERCENT = "soak.downstream-percent";
    public static final String HOT_KEYS = "soak.hot-keys";
    public static final String COLD_KEYS = "soak.cold-keys";
    public static final String HIT_PERCENT = "soak.hit-percent";
    public static final String MIX_FILE = "soak.mix-file";

    public static final double DEFAULT_RATE_PER_S = 200;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public double arrivalsPerSecond() {
        return ratePerSecond * accel;
    }

    public LoadTimeline timeline() {
        return LoadTimeline.of(duration, rampUp, waves);
    }

    public static SimulationParameters from(Properties properties) {
        LabMix lab = LabMix.defaults();
        return new SimulationParameters(
                properties.getProperty(BASE_URL, "http://127.0.0.1:8080"),
                Double.parseDouble(properties.getProperty(RATE, Double.toString(DEFAULT_RATE_PER_S))),
                Double.parseDouble(properties.getProperty(ACCEL, "1")),
                Duration.ofSeconds(Long.parseLong(properties.getProperty(DURATION_S, "60"))),
                Duration.ofSeconds(Long.parseLong(properties.getProperty(RAMP_S, "0"))),
                Long.parseLong(properties.getProperty(SEED, Long.toString(DEFAULT_SEED))),
                Duration.ofMillis(Long.parseLong(properties.getProperty(REQUEST_TIMEOUT_MS,
                        Long.toString(DEFAULT_REQUEST_TIMEOUT.toMillis())))),
                new LoadWaves(Duration.ofSeconds(Long.parseLong(properties.getProperty(WAVE_ON_S, "0"))),
                        Duration.ofSeconds(Long.parseLong(properties.getProperty(WAVE_OFF_S, "0")))),
                new LabMix(
                        intProperty(properties, READ_PERCENT, lab.readPercent()),
                        intProperty(properties, WRITE_PERCENT, lab.writePercent()),
                        intProperty(properties, DOWNSTREAM_PERCENT, lab.downstreamPercent()),
                        Long.parseLong(properties.getProperty(HOT_KEYS, Long.toString(lab.hotKeys()))),
                        Long.parseLong(properties.getProperty(COLD_KEYS, Long.toString(lab.coldKeys()))),
                        intProperty(properties, HIT_PERCENT, lab.hitPercent())),
                properties.getProperty(MIX_FILE));
    }

    /** The same parameters as {@code -Dname=value} arguments, ASCII only (Maven forwards them to Gatling). */
    public Map<String, String> toProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(BASE_URL, baseUrl);
        out.put(RATE, Double.toString(ratePerSecond));
        out.put(ACCEL, Double.toString(accel));
        out.put(DURATION_S, Long.toString(duration.toSeconds()));
        out.put(RAMP_S, Long.toString(rampUp.toSeconds()));
        out.put(SEED, Long.toString(seed));
        out.put(REQUEST_TIMEOUT_MS, Long.toString(requestTimeout.toMillis()));
        out.put(WAVE_ON_S, Long.toString(waves.on().toSeconds()));
        out.put(WAVE_OFF_S, Long.toString(waves.off().toSeconds()));
        out.put(READ_PERCENT, Integer.toString(labMix.readPercent()));
        out.put(WRITE_PERCENT, Integer.toString(labMix.writePercent()));
        out.put(DOWNSTREAM_PERCENT, Integer.toString(labMix.downstreamPercent()));
        out.put(HOT_KEYS, Long.toString(labMix.hotKeys()));
        out.put(COLD_KEYS, Long.toString(labMix.coldKeys()));
        out.put(HIT_PERCENT, Integer.toString(labMix.hitPercent()));
        if (mixFile != null) {
            out.put(MIX_FILE, mixFile);
        }
        return out;
    }

    private static int intProperty(Properties properties, String name, int absent) {
        return Integer.parseInt(properties.getProperty(name, Integer.toString(absent)));
    }
}
