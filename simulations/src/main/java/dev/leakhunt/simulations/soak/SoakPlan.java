package dev.leakhunt.simulations.soak;

import dev.leakhunt.simulations.load.SimulationParameters;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one soak needs, already checked: built by {@link SoakCommand}, carried out by {@link Soak}.
 *
 * @param home             the leakhunt checkout (jars under its modules' target/ folders)
 * @param runId            the run's name, also the last part of the default run folder
 * @param run              the run folder
 * @param leak             the lab target's planted leak; null when soaking a foreign service
 * @param simulation       the load: rate, acceleration, duration, seed, mix, waves
 * @param memoryLimitBytes the target's memory cgroup limit, or null for none
 * @param nofile           the target's fd limit, or null to inherit ours
 * @param javaOpts         JVM flags of the target
 * @param port             the lab target's public port (0: pick a free one)
 * @param targetCommand    a foreign service's command line, started by the supervisor; or null
 * @param targetPid        a foreign service already running, watched and never stopped; or null
 * @param metricsUrl       a Prometheus endpoint of a foreign service for the sampler, or null
 * @param healthPath       path on the target answering 2xx once it is up
 * @param restart          restart a target that died, instead of ending the soak
 * @param stopOnLeak       end the soak once a thread leak endangers the machine (see {@link LeakGuard})
 * @param profileEvery     the sampler's profile period
 */
public record SoakPlan(
        Path home,
        String runId,
        Path run,
        Leak leak,
        SimulationParameters simulation,
        Long memoryLimitBytes,
        Integer nofile,
        List<String> javaOpts,
        int port,
        String targetCommand,
        Long targetPid,
        String metricsUrl,
        String healthPath,
        boolean restart,
        StopOnLeak stopOnLeak,
        Duration sampleInterval,
        Duration profileEvery,
        Integer cacheSize,
        Duration warmup) {

    public boolean labTarget() {
        return leak != null;
    }

    public URI targetUrl() {
        return URI.create(simulation.baseUrl());
    }

    public Path jar(String module, String name) {
        return home.resolve(module).resolve("target").resolve(name);
    }

    public String simulationClass() {
        return labTarget() ? "dev.leakhunt.simulations.SoakSimulation" : "dev.leakhunt.simulations.MixFileSimulation";
    }

    /** The parameters as manifest.json records them. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leak", labTarget() ? leak.name() : null);
        out.put("duration_s", simulation.duration().toSeconds());
        out.put("ramp_s", simulation.rampUp().toSeconds());
        out.put("rate_per_s", simulation.ratePerSecond());
        out.put("accel", simulation.accel());
        out.put("arrivals_per_s", simulation.arrivalsPerSecond());
        out.put("seed", simulation.seed());
        out.put("request_timeout_ms", simulation.requestTimeout().toMillis());
        out.put("wave_on_s", simulation.waves().on().toSeconds());
        out.put("wave_off_s", simulation.waves().off().toSeconds());
        if (labTarget()) {
            out.put("read_percent", simulation.labMix().readPercent());
            out.put("write_percent", simulation.labMix().writePercent());
            out.put("downstream_percent", simulation.labMix().downstreamPercent());
            out.put("hot_keys", simulation.labMix().hotKeys());
            out.put("cold_keys", simulation.labMix().coldKeys());
            out.put("hit_percent", simulation.labMix().hitPercent());
        }
        out.put("mix", simulation.mixFile());
        out.put("memory_limit_bytes", memoryLimitBytes);
        out.put("nofile", nofile);
        out.put("java_opts", javaOpts);
        out.put("target_cmd", targetCommand);
        out.put("target_pid", targetPid);
        out.put("target_url", simulation.baseUrl());
        out.put("restart", restart);
        out.put("stop_on_leak", stopOnLeak.describe());
        out.put("interval_ms", sampleInterval.toMillis());
        out.put("profile_every_s", profileEvery.toSeconds());
        out.put("cache_size", cacheSize);
        out.put("warmup_s", warmup.toMillis() / 1000.0);
        out.put("simulation", simulationClass());
        return out;
    }
}
