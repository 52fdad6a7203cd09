package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.SignInService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sign-in service whose futures the test completes, from a background thread if it likes. It
 * can remember sessions only after {@link #offerRemember()}, as with a keyring.
 */
public final class FakeSignInService implements SignInService {
    /** One recorded call; the password is kept as text only in this fake. */
    public record Call(String serverUrl, String email, String password,
                       CompletableFuture<AccountSession> result, boolean remember) {
    }

    /** One call of {@link #resume} or {@link #forget}. */
    public record AccountCall(String serverUrl, String email,
                              CompletableFuture<AccountSession> result) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<AccountCall> resumes = new CopyOnWriteArrayList<>();
    private final List<AccountCall> forgotten = new CopyOnWriteArrayList<>();
    private volatile boolean rememberOffered;

    /** Makes {@link #canRemember()} complete with true, as a found keyring does. */
    public FakeSignInService offerRemember() {
        rememberOffered = true;
        return this;
    }

    @Override
    public CompletableFuture<AccountSession> signIn(String serverUrl, String email,
                                                    char[] password) {
        return signIn(serverUrl, email, password, false);
    }

    @Override
    public CompletableFuture<AccountSession> signIn(String serverUrl, String email,
                                                    char[] password, boolean remember) {
        CompletableFuture<AccountSession> result = new CompletableFuture<>();
        calls.add(new Call(serverUrl, email, new String(password), result, remember));
        return result;
    }

    @Override
    public CompletableFuture<Boolean> canRemember() {
        return CompletableFuture.supplyAsync(() -> rememberOffered);
    }

    @Override
    public CompletableFuture<AccountSession> resume(String serverUrl, String email) {
        CompletableFuture<AccountSession> result = new CompletableFuture<>();
        resumes.add(new AccountCall(serverUrl, email, result));
        return result;
    }

    @Override
    public CompletableFuture<Void> forget(String serverUrl, String email) {
        forgotten.add(new AccountCall(serverUrl, email, null));
        return CompletableFuture.completedFuture(null);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public Call lastCall() {
        return calls.get(calls.size() - 1);
    }

    /** Calls of {@link #resume}, oldest first. */
    public List<AccountCall> resumes() {
        return List.copyOf(resumes);
    }

    /** Calls of {@link #forget}, oldest first. */
    public List<AccountCall> forgotten() {
        return List.copyOf(forgotten);
    }
}
