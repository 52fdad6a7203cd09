package dev.jobmonitor.watch;

import dev.jobmonitor.api.BackendClient;
import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.api.model.User;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Signs in over HTTP and builds a {@link DefaultAccountSession} with its own scheduler. */
public final class DefaultSignInService implements SignInService {
    private static final Logger LOGGER = LoggerFactory.getLogger(DefaultSignInService.class);

    private final HttpClients clients;
    private final Path dataDir;
    private final Clock clock;
    /** Read at each sign-in, so a change of the polling options applies to the next session. */
    private final Supplier<WatchPolicy> policy;
    private final BiFunction<URI, String, List<String>> seedJobs;
    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();
    private final int requestLimit;
    private final Duration budgetWindow;

    /**
     * @param clients  the shared HTTP clients; sessions use them and do not close them
     * @param dataDir  where each account's known-jobs file lives
     * @param seedJobs job ids to add to a new session of the given server and email, such as
     *                 the demo backend's running jobs for its demo user, else an empty list
     */
    public DefaultSignInService(HttpClients clients, Path dataDir, Clock clock, WatchPolicy policy,
                                BiFunction<URI, String, List<String>> seedJobs) {
        this(clients, dataDir, clock, () -> policy, seedJobs);
    }

    /**
     * Creates the service with a policy that may change while the app runs: each sign-in reads
     * it once, and sessions already open keep the policy they started with.
     */
    public DefaultSignInService(HttpClients clients, Path dataDir, Clock clock,
                                Supplier<WatchPolicy> policy, BiFunction<URI, String, List<String>> seedJobs) {
        this(clients, dataDir, clock, policy, seedJobs, 200, Duration.ofMinutes(15));
    }

    /**
     * Creates the service with a request budget other than the real backend's 200 requests per
     * 15 minutes, e.g. for a sped-up demo backend whose window is scaled.
     */
    public DefaultSignInService(HttpClients clients, Path dataDir, Clock clock, WatchPolicy policy,
                                BiFunction<URI, String, List<String>> seedJobs, int requestLimit,
                                Duration budgetWindow) {
        this(clients, dataDir, clock, () -> policy, seedJobs, requestLimit, budgetWindow);
    }

    /** Creates the service with a changeable policy and a request budget of its own. */
    public DefaultSignInService(HttpClients clients, Path dataDir, Clock clock,
                                Supplier<WatchPolicy> policy, BiFunction<URI, String, List<String>> seedJobs,
                                int requestLimit, Duration budgetWindow) {
        this.requestLimit = requestLimit;
        this.budgetWindow = budgetWindow;
        this.clients = clients;
        this.dataDir = dataDir;
        this.clock = clock;
        this.policy = policy;
        this.seedJobs = seedJobs;
    }

    @Override
    public CompletableFuture<AccountSession> signIn(String serverUrl, String email, char[] password) {
        URI server;
        try {
            server = BackendClient.parseServerUrl(serverUrl);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String account = email == null ? "" : email.trim();
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler("account-" + server.getHost()
                + "-" + server.getPort(), clock);
        TokenHolder holder = new TokenHolder();
        RequestBudget budget = budgetFor(server);
        BackendClient client = new BackendClient(server, clients, holder, budget);
        AtomicReference<DefaultAccountSession> sessionRef = new AtomicReference<>();
        TokenManager tokens = new TokenManager(scheduler, client::refresh, error -> {
            DefaultAccountSession expiring = sessionRef.get();
            if (expiring != null) {
                expiring.expire(error);
            }
        });
        holder.delegate = tokens;
        LOGGER.info("Signing in to {}", server);
        return client.login(account, new String(password)).thenApply(login -> {
            tokens.update(login.accessToken(), login.refreshToken());
            User user = login.user() != null ? login.user() : new User(null, account, null, null, null);
            String userKey = user.id() != null ? user.id() : account;
            KnownJobsStore store = KnownJobsStore.open(
                    AppPaths.accountDir(dataDir, server, userKey).resolve("known-jobs.json"));
            DefaultAccountSession session = new DefaultAccountSession(server, user, client, tokens,
                    scheduler, store, policy.get(), budget);
            sessionRef.set(session);
            for (String jobId : seedJobs.apply(server, account)) {
                session.record(jobId, List.of(), KnownJob.Source.DEMO_SEED);
            }
            LOGGER.info("Signed in to {} as user {}", server, user.id());
            return (AccountSession) session;
        }).whenComplete((session, failure) -> {
            if (failure != null) {
                LOGGER.warn("Sign-in to {} failed: {}", server, failure.getMessage());
                scheduler.close();
            }
        });
    }

    /**
     * The request budget of a server. The real backend counts requests per client IP, so every
     * account this app signs in to the same server shares one budget.
     */
    private RequestBudget budgetFor(URI server) {
        String key = server.getHost() + ":" + server.getPort();
        return budgets.computeIfAbsent(key,
                host -> new RequestBudget(clock::instant, requestLimit, budgetWindow));
    }

    /** Lets the client read the token manager that is created after it. */
    private static final class TokenHolder implements dev.jobmonitor.api.AccessTokenSource {
        private volatile TokenManager delegate;

        @Override
        public String accessToken() {
            TokenManager tokens = delegate;
            return tokens == null ? null : tokens.accessToken();
        }
    }
}
