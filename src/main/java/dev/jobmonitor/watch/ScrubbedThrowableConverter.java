package dev.jobmonitor.watch;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * The {@code %scrubbedEx} conversion word of logback.xml: the stack trace with secrets replaced
 * in its messages, which may quote a URL or a response body.
 */
public final class ScrubbedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SecretScrubber.scrub(super.throwableProxyToString(proxy));
    }
}
