package dev.jobmonitor.demo;

import dev.jobmonitor.demo.stream.StreamFaultSource;
import dev.jobmonitor.demo.stream.StreamFaults;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stream faults waiting for the next streams, per job and for any job. Thread-safe. */
final class FaultRegistry implements StreamFaultSource {
    private static final Logger LOGGER = LoggerFactory.getLogger(FaultRegistry.class);

    private final Map<String, Deque<Pending>> byJob = new HashMap<>();
    private final Deque<Pending> anyJob = new ArrayDeque<>();

    /** A fault and how many more streams it applies to. */
    private static final class Pending {
        final StreamFault fault;
        int streamsLeft;

        Pending(StreamFault fault) {
            this.fault = fault;
            this.streamsLeft = fault.streams();
        }
    }

    /** Queues a fault for streams of one job, or of any job when {@code jobId} is null. */
    synchronized void add(String jobId, StreamFault fault) {
        Deque<Pending> queue = jobId == null
                ? anyJob
                : byJob.computeIfAbsent(jobId, key -> new ArrayDeque<>());
        queue.addLast(new Pending(fault));
    }

    synchronized void clear() {
        byJob.clear();
        anyJob.clear();
    }

    /**
     * Takes a job-specific fault first, then one for any job. Without a fault it returns
     * {@link StreamFaults#NONE}.
     */
    @Override
    public synchronized StreamFaults faultsForNewStream(String jobId) {
        Deque<Pending> queue = byJob.getOrDefault(jobId, new ArrayDeque<>());
        if (queue.isEmpty()) {
            queue = anyJob;
        }
        Pending pending = queue.peekFirst();
        if (pending == null) {
            return StreamFaults.NONE;
        }
        pending.streamsLeft--;
        if (pending.streamsLeft == 0) {
            queue.removeFirst();
        }
        LOGGER.info("Stream on job {} opens with fault {}", jobId, pending.fault);
        return policy(pending.fault);
    }

    private static StreamFaults policy(StreamFault fault) {
        return fault::onFrame;
    }
}
