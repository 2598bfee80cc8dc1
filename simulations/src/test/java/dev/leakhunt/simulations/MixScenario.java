package dev.leakhunt.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doSwitch;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.onCase;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.leakhunt.simulations.load.LoadTimeline;
import dev.leakhunt.simulations.load.SimulationParameters;
import dev.leakhunt.simulations.mix.RequestMix;
import dev.leakhunt.simulations.mix.RequestTemplate;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The open-model scenario both simulations share: every virtual user is one arrival slot and sends exactly one
 * request, the one {@link RequestMix#draw} picks for its user id under the seed.
 */
final class MixScenario {
    private static final String INDEX = "mixIndex";
    private static final String PATH = "mixPath";
    private static final String BODY = "mixBody";
    private static final String HEADER = "mixHeader.";

    private MixScenario() {}

    static PopulationBuilder population(String name, RequestMix mix, SimulationParameters parameters) {
        long seed = parameters.seed();
        List<Choice.WithKey> cases = new ArrayList<>();
        for (int i = 0; i < mix.requests().size(); i++) {
            cases.add(onCase(i).then(exec(request(mix.requests().get(i), parameters))));
        }
        return scenario(name)
                .exec(session -> pick(session, mix, seed))
                .exec(doSwitch(session -> session.getInt(INDEX)).on(cases))
                .injectOpen(injection(parameters));
    }

    /** A hard stop in case the target stops answering: the injection time plus one request timeout. */
    static Duration maxDuration(SimulationParameters parameters) {
        return parameters.duration().plus(parameters.requestTimeout()).plusSeconds(5);
    }

    static HttpProtocolBuilder protocol(SimulationParameters parameters) {
        // One request per user: without shared connections every arrival opens and closes a socket, which costs
        // the driver CPU and fills the machine with TIME_WAIT sockets over a long soak.
        return http.baseUrl(parameters.baseUrl()).shareConnections();
    }

    private static Session pick(Session session, RequestMix mix, long seed) {
        long slot = session.userId();
        RequestMix.Draw draw = mix.draw(seed, slot);
        RequestTemplate template = mix.requests().get(draw.index());
        Session picked = session.set(INDEX, draw.index()).set(PATH, template.path(draw.key(), slot));
        for (var header : template.headers(draw.key(), slot).entrySet()) {
            picked = picked.set(HEADER + header.getKey(), header.getValue());
        }
        String body = template.body(draw.key(), slot);
        return body == null ? picked : picked.set(BODY, body);
    }

    private static HttpRequestActionBuilder request(RequestTemplate template, SimulationParameters parameters) {
        HttpRequestActionBuilder request = http(template.name())
                .httpRequest(template.method(), session -> session.getString(PATH))
                .requestTimeout(parameters.requestTimeout())
                .check(status().is(template.expectedStatus()));
        for (String name : template.headers().keySet()) {
            request = request.header(name, session -> session.getString(HEADER + name));
        }
        return template.body() == null ? request : request.body(StringBody(session -> session.getString(BODY)));
    }

    private static List<OpenInjectionStep> injection(SimulationParameters parameters) {
        double rate = parameters.arrivalsPerSecond();
        List<OpenInjectionStep> steps = new ArrayList<>();
        for (LoadTimeline.Step step : parameters.timeline().steps()) {
            steps.add(switch (step.kind()) {
                case RAMP -> rampUsersPerSec(0).to(rate).during(step.length());
                case CONSTANT -> constantUsersPerSec(rate).during(step.length());
                case PAUSE -> nothingFor(step.length());
            });
        }
        return steps;
    }
}
