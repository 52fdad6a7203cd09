package dev.jobmonitor.watch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A credential store in a map, for tests; it records every token it was given. */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<String> saved = new CopyOnWriteArrayList<>();

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public void save(String account, String refreshToken) {
        tokens.put(account, refreshToken);
        saved.add(refreshToken);
    }

    @Override
    public Optional<String> load(String account) {
        return Optional.ofNullable(tokens.get(account));
    }

    @Override
    public void delete(String account) {
        tokens.remove(account);
    }

    /** The current tokens by account key. */
    public Map<String, String> tokens() {
        return Map.copyOf(tokens);
    }

    /** Every token saved so far, oldest first, deleted ones included. */
    public List<String> savedTokens() {
        return List.copyOf(saved);
    }
}
