package dev.jobmonitor.ui.fakes;

import dev.jobmonitor.watch.AccountSession;
import dev.jobmonitor.watch.SignInService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sign-in service whose futures the test completes, from a background thread if it likes. */
public final class FakeSignInService implements SignInService {
    /** One recorded call; the password is kept as text only in this fake. */
    public record Call(String serverUrl, String email, String password,
                       CompletableFuture<AccountSession> result) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public CompletableFuture<AccountSession> signIn(String serverUrl, String email,
                                                    char[] password) {
        CompletableFuture<AccountSession> result = new CompletableFuture<>();
        calls.add(new Call(serverUrl, email, new String(password), result));
        return result;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public Call lastCall() {
        return calls.get(calls.size() - 1);
    }
}
