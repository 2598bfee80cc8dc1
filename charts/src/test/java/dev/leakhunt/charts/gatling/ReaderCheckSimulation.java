package dev.leakhunt.charts.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The simulation behind {@link GatlingLogAgainstGatlingTest}: an open-model mix of fast, slow and failing
 * requests, one of them inside a group, against {@link VariedLatencyServer}. Parameters come as system
 * properties from the test that launches it.
 */
public class ReaderCheckSimulation extends Simulation {

    private final String baseUrl = System.getProperty("readercheck.url");
    private final double usersPerSec = Double.parseDouble(System.getProperty("readercheck.usersPerSec", "80"));
    private final int seconds = Integer.parseInt(System.getProperty("readercheck.seconds", "6"));

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).shareConnections();

    private final ScenarioBuilder mix = scenario("reader-check")
            .exec(http("fast").get("/fast"))
            .exec(group("checkout").on(http("slow").get("/slow")))
            .exec(http("flaky").get("/flaky"));

    {
        setUp(mix.injectOpen(constantUsersPerSec(usersPerSec).during(seconds))).protocols(protocol);
    }
}
