package dev.jobmonitor.demo.sim;

/**
 * One event a job publishes to its streams.
 *
 * @param name the SSE event name, such as {@code progress-update}
 * @param data the event's data as one line of JSON
 */
public record JobEvent(String name, String data) {
}
