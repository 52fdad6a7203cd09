package dev.jobmonitor.watch;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The {@code %scrubbedMsg} conversion word of logback.xml: the log message with secrets
 * replaced, so a token that slips into a message never reaches the log file.
 */
public final class ScrubbedMessageConverter extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretScrubber.scrub(super.convert(event));
    }
}
