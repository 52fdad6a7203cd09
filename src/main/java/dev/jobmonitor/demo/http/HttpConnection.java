package dev.jobmonitor.demo.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves requests on one accepted socket, one after another, until either side closes. */
final class HttpConnection implements Runnable, ConnectionControl {
    private static final Logger LOGGER = LoggerFactory.getLogger(HttpConnection.class);
    /** Read timeout while probing for a client close during a stream. */
    private static final int PROBE_TIMEOUT_MILLIS = 1;

    private final Socket socket;
    private final RequestHandler handler;
    private final Duration idleTimeout;
    private final Consumer<HttpConnection> onExit;
    private final Object probeLock = new Object();
    private volatile boolean closed;
    private InputStream in;

    HttpConnection(Socket socket, RequestHandler handler, Duration idleTimeout,
            Consumer<HttpConnection> onExit) {
        this.socket = socket;
        this.handler = handler;
        this.idleTimeout = idleTimeout;
        this.onExit = onExit;
    }

    @Override
    public void run() {
        try {
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            serve(new RequestReader(in, socket.getInetAddress().getHostAddress()), out);
        } catch (SocketTimeoutException e) {
            LOGGER.debug("Closing idle connection from {}", socket.getRemoteSocketAddress());
        } catch (IOException e) {
            if (!closed) {
                LOGGER.debug("Connection from {} ended: {}", socket.getRemoteSocketAddress(),
                        e.toString());
            }
        } finally {
            close();
            onExit.accept(this);
        }
    }

    private void serve(RequestReader reader, OutputStream out) throws IOException {
        int keepAliveSeconds = (int) Math.max(1, idleTimeout.toSeconds());
        while (!closed) {
            socket.setSoTimeout((int) Math.max(1, idleTimeout.toMillis()));
            HttpRequest request;
            try {
                request = reader.read();
            } catch (BadRequestException e) {
                LOGGER.info("Rejected request from {} with {}: {}",
                        socket.getInetAddress().getHostAddress(), e.status(), e.getMessage());
                writeError(out, e.status());
                return;
            }
            if (request == null) {
                return;
            }
            socket.setSoTimeout(0);
            Exchange exchange = new Exchange(request, out, this, keepAliveSeconds);
            handler.handle(exchange);
            if (!exchange.reusable()) {
                return;
            }
        }
    }

    private static void writeError(OutputStream out, int status) throws IOException {
        String head = "HTTP/1.1 " + status + " " + HttpResponse.reasonPhrase(status) + "\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void reset() {
        closed = true;
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            LOGGER.debug("Could not set SO_LINGER before reset: {}", e.toString());
        }
        closeSocket();
    }

    @Override
    public void close() {
        closed = true;
        closeSocket();
    }

    @Override
    public boolean isClosed() {
        return closed || socket.isClosed();
    }

    @Override
    public boolean clientHasClosed() {
        if (isClosed()) {
            return true;
        }
        synchronized (probeLock) {
            try {
                socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
                in.mark(1);
                int b = in.read();
                if (b < 0) {
                    return true;
                }
                // A client should send nothing during a stream; keep the byte for the next request.
                in.reset();
                return false;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOGGER.debug("Error while closing a socket: {}", e.toString());
        }
    }
}
