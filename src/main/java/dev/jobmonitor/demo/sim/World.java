package dev.jobmonitor.demo.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory database: users, audiences and jobs. Thread-safe. Code that checks for an
 * active job and then creates one synchronizes on the world across both steps.
 */
public final class World {
    private final Map<String, User> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, User> usersById = new ConcurrentHashMap<>();
    private final Map<String, Audience> audiences = new ConcurrentHashMap<>();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public void addUser(User user) {
        usersByEmail.put(user.email(), user);
        usersById.put(user.id(), user);
    }

    /** Finds a user by e-mail address, trimmed and lower-cased first as the real login does. */
    public Optional<User> userByEmail(String email) {
        return Optional.ofNullable(usersByEmail.get(email.trim().toLowerCase(Locale.ROOT)));
    }

    public Optional<User> userById(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    public void addAudience(Audience audience) {
        audiences.put(audience.id(), audience);
    }

    public Optional<Audience> audience(String id) {
        return Optional.ofNullable(audiences.get(id));
    }

    /** Returns the user's audiences, newest first. */
    public List<Audience> audiencesOf(String userId) {
        return audiences.values().stream()
                .filter(audience -> audience.userId().equals(userId))
                .sorted(Comparator.comparing(Audience::createdAt).reversed().thenComparing(Audience::id))
                .toList();
    }

    public void addJob(Job job) {
        jobs.put(job.id(), job);
    }

    /** Deletes a job row; returns false when no job has that id. */
    public boolean removeJob(String id) {
        return jobs.remove(id) != null;
    }

    public Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<Job> jobsOf(String userId) {
        return jobs.values().stream().filter(job -> job.owner().id().equals(userId)).toList();
    }

    /**
     * Finds the newest queued or running job of the user that contains the audience and was
     * created less than {@code staleAge} ago; older ones count as stale, as in the real backend.
     */
    public Optional<Job> activeJobFor(String userId, String audienceId, Instant now, Duration staleAge) {
        Instant cutoff = now.minus(staleAge);
        return jobs.values().stream()
                .filter(job -> job.owner().id().equals(userId))
                .filter(job -> job.strategyIds().contains(audienceId))
                .filter(job -> job.createdAt().isAfter(cutoff))
                .filter(job -> job.row().status.isActive())
                .max(Comparator.comparing(Job::createdAt).thenComparing(Job::id));
    }
}
