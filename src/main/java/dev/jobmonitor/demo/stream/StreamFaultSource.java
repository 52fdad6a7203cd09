package dev.jobmonitor.demo.stream;

/** Supplies the fault policy for each new stream. Called on the stream's connection thread. */
@FunctionalInterface
public interface StreamFaultSource {

    /** Returns the policy for a stream opening on the given job; may consume a one-shot fault. */
    StreamFaults faultsForNewStream(String jobId);
}
