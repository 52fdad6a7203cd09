package dev.jobmonitor.watch;

/** A {@link CredentialStore} could not save or delete a secret. */
public final class CredentialStoreException extends RuntimeException {
    public CredentialStoreException(String message) {
        super(message);
    }

    public CredentialStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
