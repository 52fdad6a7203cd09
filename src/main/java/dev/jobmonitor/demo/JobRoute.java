package dev.jobmonitor.demo;

/** The job routes that HTTP faults can target. */
public enum JobRoute {
    STATUS("GET", "/api/v1/jobs/:id/status"),
    STREAM("GET", "/api/v1/jobs/:id/stream"),
    RETRY("POST", "/api/v1/jobs/:id/retry"),
    CANCEL("POST", "/api/v1/jobs/:id/cancel");

    private final String method;
    private final String pattern;

    JobRoute(String method, String pattern) {
        this.method = method;
        this.pattern = pattern;
    }

    public String method() {
        return method;
    }

    /** Returns the path pattern, as {@link DemoBackend#requestCount} takes it. */
    public String pattern() {
        return pattern;
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
