package dev.jobmonitor.watch;

import dev.jobmonitor.api.ApiException;
import dev.jobmonitor.api.BackendClient;
import dev.jobmonitor.api.HttpClients;
import dev.jobmonitor.api.UnauthorizedException;
import dev.jobmonitor.api.model.User;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
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
    /** Runs every access to the credential store, one at a time, so rotated tokens stay in order. */
    private final ExecutorService credentialWriter = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "credential-store");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Predicate<URI> plainHttpAllowed = server -> false;
    private volatile CompletableFuture<CredentialStore> credentials =
            CompletableFuture.completedFuture(CredentialStore.UNAVAILABLE);

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

    /**
     * Sets which plain-HTTP servers other than loopback may be used; none unless set. Call
     * before the first sign-in. The predicate gets the normalized server URL.
     */
    public DefaultSignInService allowPlainHttp(Predicate<URI> allowed) {
        this.plainHttpAllowed = Objects.requireNonNull(allowed, "allowed");
        return this;
    }

    /**
     * Keeps remembered refresh tokens in the store that {@code store} completes with, such as
     * {@link KeyringCredentialStore#probe}. Until it completes, remembering waits for it. Call
     * before the first sign-in.
     */
    public DefaultSignInService rememberWith(CompletableFuture<CredentialStore> store) {
        this.credentials = Objects.requireNonNull(store, "store");
        return this;
    }

    @Override
    public CompletableFuture<AccountSession> signIn(String serverUrl, String email, char[] password) {
        return signIn(serverUrl, email, password, false);
    }

    @Override
    public CompletableFuture<AccountSession> signIn(String serverUrl, String email,
                                                    char[] password, boolean remember) {
        URI server;
        try {
            server = checkedServer(serverUrl);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        String account = email == null ? "" : email.trim();
        String secret = new String(password);
        Credentials credentials = new Credentials(server, account, remember);
        LOGGER.info("Signing in to {}", server);
        return open(credentials, (client, tokens) -> client.login(account, secret).thenApply(login -> {
            tokens.update(login.accessToken(), login.refreshToken());
            return login.user() != null ? login.user() : new User(null, account, null, null, null);
        }));
    }

    @Override
    public CompletableFuture<Boolean> canRemember() {
        return credentials.thenApply(CredentialStore::isAvailable);
    }

    @Override
    public CompletableFuture<AccountSession> resume(String serverUrl, String email) {
        URI server;
        try {
            server = checkedServer(serverUrl);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        Credentials saved = new Credentials(server, email == null ? "" : email.trim(), true);
        return credentials.thenApplyAsync(store -> store.load(saved.key()), credentialWriter)
                .thenCompose(token -> {
                    if (token.isEmpty()) {
                        return CompletableFuture.failedFuture(new UnauthorizedException(
                                "No saved sign-in", "No saved sign-in for " + saved.account()
                                + " on " + server + "; sign in again."));
                    }
                    LOGGER.info("Signing in to {} with the saved refresh token", server);
                    return open(saved, (client, tokens) -> refreshAndReadUser(client, tokens,
                            token.get(), saved));
                });
    }

    @Override
    public CompletableFuture<Void> forget(String serverUrl, String email) {
        URI server;
        try {
            server = BackendClient.parseServerUrl(serverUrl);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return forget(new Credentials(server, email == null ? "" : email.trim(), false).key());
    }

    private URI checkedServer(String serverUrl) {
        URI server = BackendClient.parseServerUrl(serverUrl);
        PlainHttpPolicy.check(server, plainHttpAllowed.test(server));
        return server;
    }

    private CompletableFuture<User> refreshAndReadUser(BackendClient client, TokenManager tokens,
                                                       String refreshToken, Credentials saved) {
        return client.refresh(refreshToken).thenCompose(login -> {
            tokens.update(login.accessToken(), login.refreshToken());
            return client.me();
        }).whenComplete((user, failure) -> {
            if (failure != null && isRejection(failure)) {
                LOGGER.info("Saved sign-in of {} on {} was rejected; deleting it", saved.account(),
                        saved.server());
                forget(saved.key());
            }
        });
    }

    /** Builds the session once {@code authenticate} has stored tokens and returned the user. */
    private CompletableFuture<AccountSession> open(
            Credentials credentials,
            BiFunction<BackendClient, TokenManager, CompletableFuture<User>> authenticate) {
        URI server = credentials.server();
        ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler("account-" + server.getHost()
                + "-" + server.getPort(), clock);
        TokenHolder holder = new TokenHolder();
        RequestBudget budget = budgetFor(server);
        BackendClient client = new BackendClient(server, clients, holder, budget);
        AtomicReference<DefaultAccountSession> sessionRef = new AtomicReference<>();
        TokenManager tokens = new TokenManager(scheduler, client::refresh, error -> {
            if (credentials.remember()) {
                forget(credentials.key());
            }
            DefaultAccountSession expiring = sessionRef.get();
            if (expiring != null) {
                expiring.expire(error);
            }
        });
        if (credentials.remember()) {
            tokens.onRefreshTokenChanged(token -> save(credentials.key(), token));
        }
        holder.delegate = tokens;
        return authenticate.apply(client, tokens).thenApply(user -> {
            String userKey = user.id() != null ? user.id() : credentials.account();
            KnownJobsStore store = KnownJobsStore.open(
                    AppPaths.accountDir(dataDir, server, userKey).resolve("known-jobs.json"));
            DefaultAccountSession session = new DefaultAccountSession(server, user, client, tokens,
                    scheduler, store, policy.get(), budget);
            sessionRef.set(session);
            for (String jobId : seedJobs.apply(server, credentials.account())) {
                session.record(jobId, List.of(), KnownJob.Source.DEMO_SEED);
            }
            if (!credentials.remember()) {
                forget(credentials.key());
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

    /** Saves a rotated refresh token, in order with the other writes of the store. */
    private void save(String key, String refreshToken) {
        credentials.thenAcceptAsync(store -> store.save(key, refreshToken), credentialWriter)
                .exceptionally(failure -> {
                    LOGGER.warn("Could not keep {} signed in: {}", key, failure.getMessage());
                    return null;
                });
    }

    private CompletableFuture<Void> forget(String key) {
        return credentials.thenAcceptAsync(store -> store.delete(key), credentialWriter)
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOGGER.warn("Could not delete the saved sign-in of {}: {}", key,
                                failure.getMessage());
                    }
                });
    }

    private static boolean isRejection(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof ApiException
                && (((ApiException) cause).status() == 401 || ((ApiException) cause).status() == 400);
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

    /** The account a sign-in is for, and whether its refresh token is to be kept. */
    private record Credentials(URI server, String account, boolean remember) {
        String key() {
            return CredentialStore.accountKey(server.toString(), account);
        }
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
