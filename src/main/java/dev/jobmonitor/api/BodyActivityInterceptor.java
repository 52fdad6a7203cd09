package dev.jobmonitor.api;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Network interceptor that reports every read of a response body that returned bytes, for
 * requests tagged with a {@link Listener}. okhttp-sse 5.5.1 skips SSE comment lines without a
 * callback, so this is how a stream's {@code : keepalive} comments become visible as activity.
 * Requests without the tag pass through untouched.
 */
final class BodyActivityInterceptor implements Interceptor {

    /** Request tag that receives the byte count of each read, on the thread reading the body. */
    @FunctionalInterface
    interface Listener {
        void onBytesRead(long byteCount);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        Listener listener = chain.request().tag(Listener.class);
        if (listener == null) {
            return response;
        }

        ResponseBody body = response.body();
        Source reporting = new ForwardingSource(body.source()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long read = super.read(sink, byteCount);
                if (read > 0) {
                    listener.onBytesRead(read);
                }
                return read;
            }
        };
        ResponseBody wrapped = ResponseBody.create(
                Okio.buffer(reporting), body.contentType(), body.contentLength());
        return response.newBuilder().body(wrapped).build();
    }
}
