package dev.jobmonitor.demo;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link DemoBackend}. Immutable; build one with {@link #builder()} or change a
 * copy with {@link #toBuilder()}.
 *
 * <p>Every interval below is given at real-backend scale and multiplied by {@link #timeFactor()}
 * when used, so a factor of 0.01 turns a 45 s job into 0.45 s. The idle timeout of HTTP
 * connections is the one interval that is not scaled.
 */
public final class DemoConfig {
    private final int port;
    private final double timeFactor;
    private final ProgressProfile profile;
    private final RateLimit rateLimit;
    private final boolean seedData;
    private final boolean autoJobs;
    private final long randomSeed;
    private final Duration queueDelay;
    private final Duration minJobDuration;
    private final Duration maxJobDuration;
    private final Duration trendsDelay;
    private final Duration keepaliveInterval;
    private final Duration streamTimeoutWarning;
    private final Duration streamMaxAge;
    private final Duration autoJobInterval;
    private final Duration accessTokenLifetime;
    private final Duration refreshTokenLifetime;
    private final Duration staleJobAge;
    private final boolean retryStaysQueued;
    private final Duration connectionIdleTimeout;
    private final int maxAudiencesPerUser;
    private final Scenario scenario;

    private DemoConfig(Builder builder) {
        port = builder.port;
        timeFactor = builder.timeFactor;
        profile = builder.profile;
        rateLimit = builder.rateLimit;
        seedData = builder.seedData;
        autoJobs = builder.autoJobs;
        randomSeed = builder.randomSeed;
        queueDelay = builder.queueDelay;
        minJobDuration = builder.minJobDuration;
        maxJobDuration = builder.maxJobDuration;
        trendsDelay = builder.trendsDelay;
        keepaliveInterval = builder.keepaliveInterval;
        streamTimeoutWarning = builder.streamTimeoutWarning;
        streamMaxAge = builder.streamMaxAge;
        autoJobInterval = builder.autoJobInterval;
        accessTokenLifetime = builder.accessTokenLifetime;
        refreshTokenLifetime = builder.refreshTokenLifetime;
        staleJobAge = builder.staleJobAge;
        retryStaysQueued = builder.retryStaysQueued;
        connectionIdleTimeout = builder.connectionIdleTimeout;
        maxAudiencesPerUser = builder.maxAudiencesPerUser;
        scenario = builder.scenario;
    }

    /**
     * Returns the defaults: ephemeral port, real time, documented profile, no rate limit, seed
     * data on.
     */
    public static DemoConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns {@code interval} multiplied by the time factor, at least one microsecond. */
    public Duration scale(Duration interval) {
        long nanos = Math.round(interval.toNanos() * timeFactor);
        return Duration.ofNanos(Math.max(1_000, nanos));
    }

    /** The port to bind on 127.0.0.1; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The multiplier applied to every simulated interval; 1.0 is real time. */
    public double timeFactor() {
        return timeFactor;
    }

    /** The progress profile of seeded, automatic and requested jobs. */
    public ProgressProfile profile() {
        return profile;
    }

    /** The per-IP request budget, or null when requests are not limited (the default). */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    /** Whether to create the seed audiences and jobs at start; the two users always exist. */
    public boolean seedData() {
        return seedData;
    }

    /** Whether to start a new job for the demo user every {@link #autoJobInterval()}. */
    public boolean autoJobs() {
        return autoJobs;
    }

    /** The seed of the random source behind ids, durations and generated content. */
    public long randomSeed() {
        return randomSeed;
    }

    /** How long a new or retried job stays {@code queued} before it starts running. */
    public Duration queueDelay() {
        return queueDelay;
    }

    /** The minimum duration of a run, from start to {@code complete}. */
    public Duration minJobDuration() {
        return minJobDuration;
    }

    /** The maximum duration of a run, from start to {@code complete}. */
    public Duration maxJobDuration() {
        return maxJobDuration;
    }

    /** In the current profile, the time from the 5 % event to the 8 % trends event. */
    public Duration trendsDelay() {
        return trendsDelay;
    }

    /**
     * The interval of {@code : keepalive} comments on a stream; the first comes one interval
     * after connect.
     */
    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    /** When a stream gets its {@code stream-timeout} event, counted from connect. */
    public Duration streamTimeoutWarning() {
        return streamTimeoutWarning;
    }

    /** When a stream stops keepalives and drops its job subscription, leaving the socket open. */
    public Duration streamMaxAge() {
        return streamMaxAge;
    }

    /** The period of automatic jobs when {@link #autoJobs()} is on. */
    public Duration autoJobInterval() {
        return autoJobInterval;
    }

    /** The lifetime of access tokens, and of the {@code exp} claim in them. */
    public Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    /** The lifetime of refresh tokens. */
    public Duration refreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    /** Queued or running jobs older than this no longer count as in progress for an audience. */
    public Duration staleJobAge() {
        return staleJobAge;
    }

    /**
     * Whether a retried job stays {@code queued} forever, as the real backend's queue may leave
     * it. Off by default: a retried job runs again.
     */
    public boolean retryStaysQueued() {
        return retryStaysQueued;
    }

    /** How long an idle keep-alive connection stays open; not scaled. */
    public Duration connectionIdleTimeout() {
        return connectionIdleTimeout;
    }

    /** The number of audiences a user may have before automatic jobs stop creating new ones. */
    public int maxAudiencesPerUser() {
        return maxAudiencesPerUser;
    }

    /**
     * The fault scenario the backend starts with; {@link Scenario#NONE} by default. The
     * {@link Scenario#RATE_LIMITED} scenario applies the production budget only when
     * {@link #rateLimit()} is null.
     */
    public Scenario scenario() {
        return scenario;
    }

    /** Collects settings for a {@link DemoConfig}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private int port;
        private double timeFactor = 1.0;
        private ProgressProfile profile = ProgressProfile.DOCUMENTED;
        private RateLimit rateLimit;
        private boolean seedData = true;
        private boolean autoJobs = true;
        private long randomSeed = 20261204L;
        private Duration queueDelay = Duration.ofSeconds(2);
        private Duration minJobDuration = Duration.ofSeconds(30);
        private Duration maxJobDuration = Duration.ofSeconds(60);
        private Duration trendsDelay = Duration.ofSeconds(8);
        private Duration keepaliveInterval = Duration.ofSeconds(15);
        private Duration streamTimeoutWarning = Duration.ofSeconds(240);
        private Duration streamMaxAge = Duration.ofSeconds(250);
        private Duration autoJobInterval = Duration.ofSeconds(60);
        private Duration accessTokenLifetime = Duration.ofDays(7);
        private Duration refreshTokenLifetime = Duration.ofDays(30);
        private Duration staleJobAge = Duration.ofMinutes(30);
        private boolean retryStaysQueued;
        private Duration connectionIdleTimeout = Duration.ofSeconds(5);
        private int maxAudiencesPerUser = 24;
        private Scenario scenario = Scenario.NONE;

        private Builder() {
        }

        private Builder(DemoConfig config) {
            port = config.port;
            timeFactor = config.timeFactor;
            profile = config.profile;
            rateLimit = config.rateLimit;
            seedData = config.seedData;
            autoJobs = config.autoJobs;
            randomSeed = config.randomSeed;
            queueDelay = config.queueDelay;
            minJobDuration = config.minJobDuration;
            maxJobDuration = config.maxJobDuration;
            trendsDelay = config.trendsDelay;
            keepaliveInterval = config.keepaliveInterval;
            streamTimeoutWarning = config.streamTimeoutWarning;
            streamMaxAge = config.streamMaxAge;
            autoJobInterval = config.autoJobInterval;
            accessTokenLifetime = config.accessTokenLifetime;
            refreshTokenLifetime = config.refreshTokenLifetime;
            staleJobAge = config.staleJobAge;
            retryStaysQueued = config.retryStaysQueued;
            connectionIdleTimeout = config.connectionIdleTimeout;
            maxAudiencesPerUser = config.maxAudiencesPerUser;
            scenario = config.scenario;
        }

        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, was " + value);
            }
            port = value;
            return this;
        }

        public Builder timeFactor(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("timeFactor must be a positive number, was " + value);
            }
            timeFactor = value;
            return this;
        }

        public Builder profile(ProgressProfile value) {
            profile = Objects.requireNonNull(value, "profile");
            return this;
        }

        /** Sets the request budget; null turns rate limiting off. */
        public Builder rateLimit(RateLimit value) {
            rateLimit = value;
            return this;
        }

        public Builder seedData(boolean value) {
            seedData = value;
            return this;
        }

        public Builder autoJobs(boolean value) {
            autoJobs = value;
            return this;
        }

        public Builder randomSeed(long value) {
            randomSeed = value;
            return this;
        }

        public Builder queueDelay(Duration value) {
            queueDelay = nonNegative(value, "queueDelay");
            return this;
        }

        /** Sets the range a run's duration is drawn from, uniformly. */
        public Builder jobDuration(Duration min, Duration max) {
            nonNegative(min, "min job duration");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max job duration " + max + " is below min " + min);
            }
            minJobDuration = min;
            maxJobDuration = max;
            return this;
        }

        public Builder trendsDelay(Duration value) {
            trendsDelay = nonNegative(value, "trendsDelay");
            return this;
        }

        public Builder keepaliveInterval(Duration value) {
            keepaliveInterval = positive(value, "keepaliveInterval");
            return this;
        }

        public Builder streamTimeoutWarning(Duration value) {
            streamTimeoutWarning = positive(value, "streamTimeoutWarning");
            return this;
        }

        public Builder streamMaxAge(Duration value) {
            streamMaxAge = positive(value, "streamMaxAge");
            return this;
        }

        public Builder autoJobInterval(Duration value) {
            autoJobInterval = positive(value, "autoJobInterval");
            return this;
        }

        public Builder accessTokenLifetime(Duration value) {
            accessTokenLifetime = positive(value, "accessTokenLifetime");
            return this;
        }

        public Builder refreshTokenLifetime(Duration value) {
            refreshTokenLifetime = positive(value, "refreshTokenLifetime");
            return this;
        }

        public Builder staleJobAge(Duration value) {
            staleJobAge = positive(value, "staleJobAge");
            return this;
        }

        public Builder retryStaysQueued(boolean value) {
            retryStaysQueued = value;
            return this;
        }

        public Builder connectionIdleTimeout(Duration value) {
            connectionIdleTimeout = positive(value, "connectionIdleTimeout");
            return this;
        }

        public Builder maxAudiencesPerUser(int value) {
            if (value < 1) {
                throw new IllegalArgumentException(
                        "maxAudiencesPerUser must be at least 1, was " + value);
            }
            maxAudiencesPerUser = value;
            return this;
        }

        public Builder scenario(Scenario value) {
            scenario = Objects.requireNonNull(value, "scenario");
            return this;
        }

        /**
         * Selects a scenario by name, such as {@code flaky-streams}, ignoring case.
         *
         * @throws IllegalArgumentException naming the valid names when the name is unknown
         */
        public Builder scenario(String name) {
            return scenario(Scenario.parse(name));
        }

        public DemoConfig build() {
            return new DemoConfig(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
