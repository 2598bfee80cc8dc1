package dev.leakhunt.target;

import dev.leakhunt.target.admin.AdminApi;
import dev.leakhunt.target.admin.FlightRecording;
import dev.leakhunt.target.http.HttpServers;
import dev.leakhunt.target.items.ItemCache;
import dev.leakhunt.target.items.ItemEndpoints;
import dev.leakhunt.target.items.ItemStore;
import dev.leakhunt.target.leaks.BestQuoteReader;
import dev.leakhunt.target.leaks.CallHeartbeat;
import dev.leakhunt.target.leaks.FallbackQuote;
import dev.leakhunt.target.leaks.InFlightCalls;
import dev.leakhunt.target.leaks.QuoteMarkup;
import dev.leakhunt.target.leaks.WriteJournal;
import dev.leakhunt.target.leaks.WriteReceipts;
import dev.leakhunt.target.metrics.ServiceMetrics;
import dev.leakhunt.target.quotes.QuoteClient;
import dev.leakhunt.target.quotes.QuoteEndpoint;
import io.javalin.Javalin;

/** The lab service: public API, admin port, continuous JFR recording, and the leak chosen by {@code --leak}. */
final class TargetService implements RunningService {
    private final Resources resources;
    private final LeakMode leak;
    private final int port;
    private final int adminPort;

    private TargetService(Resources resources, LeakMode leak, int port, int adminPort) {
        this.resources = resources;
        this.leak = leak;
        this.port = port;
        this.adminPort = adminPort;
    }

    static TargetService start(LaunchOptions options) {
        Resources resources = new Resources();
        try {
            LeakMode leak = options.leak();
            FlightRecording recording = resources.add(FlightRecording.start());
            ItemStore store = resources.add(ItemStore.openTemporary());
            ItemCache cache = new ItemCache(store, options.cacheSize());
            QuoteClient quoteClient = resources.add(new QuoteClient(options.downstream()));
            ServiceMetrics metrics = resources.add(new ServiceMetrics(cache));

            ItemEndpoints items = new ItemEndpoints(cache, store,
                    new WriteReceipts(leak.plants(LeakMode.MAP), options.accel()),
                    new WriteJournal(leak.plants(LeakMode.DIRECT)));
            InFlightCalls inFlight = new InFlightCalls(leak.plants(LeakMode.VTHREAD));
            QuoteEndpoint quotes = new QuoteEndpoint(new BestQuoteReader(quoteClient, leak.plants(LeakMode.FD)),
                    resources.add(new FallbackQuote(leak.plants(LeakMode.THREAD))),
                    resources.add(new CallHeartbeat(leak.plants(LeakMode.TICKER), options.accel())),
                    inFlight, new QuoteMarkup(leak.plants(LeakMode.METASPACE)));

            Javalin publicApp = PublicApi.create(options.port(), items, quotes, metrics);
            resources.add(publicApp::stop);
            // closed before the public server stops (Resources closes in reverse), so its calls in flight end first
            resources.add(inFlight);
            HttpServers.start(publicApp, "public", options.port());
            Javalin adminApp = AdminApi.create(options.adminPort(), metrics, recording, options.dumpDir());
            resources.add(adminApp::stop);
            HttpServers.start(adminApp, "admin", options.adminPort());
            return new TargetService(resources, leak, HttpServers.boundPort(publicApp), HttpServers.boundPort(adminApp));
        } catch (RuntimeException e) {
            resources.close();
            throw e;
        }
    }

    @Override
    public String readyLine() {
        return "leakhunt-target ready port=" + port + " admin-port=" + adminPort + " pid=" + ProcessHandle.current().pid()
                + " leak=" + CliNames.of(leak);
    }

    @Override
    public void close() {
        resources.close();
    }
}
