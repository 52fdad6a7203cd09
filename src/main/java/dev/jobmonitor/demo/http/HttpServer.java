package dev.jobmonitor.demo.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server bound to 127.0.0.1 with one daemon thread per connection.
 *
 * <p>Unlike the JDK's built-in server it lets callers stop and resume listening on the same port
 * and reach each connection's socket, which fault scenarios need. All public methods are
 * thread-safe.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(HttpServer.class);
    private static final int BACKLOG = 64;
    private static final long ACCEPT_EXIT_TIMEOUT_MILLIS = 2_000;

    private final RequestHandler handler;
    private final Duration idleTimeout;
    private final ThreadFactory acceptThreads = new NamedThreadFactory("demo-http-accept");
    private final ThreadFactory connectionThreads = new NamedThreadFactory("demo-http-connection");
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Object lock = new Object();
    private ServerSocket serverSocket;
    private Thread acceptThread;
    private int port;
    /**
     * Read without the lock by the accept thread, which {@link #closeServerSocket()} joins
     * under it.
     */
    private volatile boolean closed;

    /**
     * Creates a server that has not started listening yet.
     *
     * @param idleTimeout how long an idle keep-alive connection stays open; the real backend
     *     sends {@code Keep-Alive: timeout=5}
     */
    public HttpServer(RequestHandler handler, Duration idleTimeout) {
        this.handler = handler;
        this.idleTimeout = idleTimeout;
    }

    /** Binds to 127.0.0.1 on the given port (0 picks a free one) and starts accepting. */
    public void start(int requestedPort) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("Server is closed");
            }
            if (serverSocket != null) {
                throw new IllegalStateException("Server is already listening on port " + port);
            }
            bind(requestedPort);
        }
    }

    /** Returns the bound port; it stays the same across {@link #stopListening()} and resume. */
    public int port() {
        synchronized (lock) {
            return port;
        }
    }

    /**
     * Closes the listening socket, so new connections are refused, and keeps open connections.
     * Does nothing when not listening.
     */
    public void stopListening() {
        synchronized (lock) {
            closeServerSocket();
        }
    }

    /**
     * Listens again on the same port after {@link #stopListening()}. Does nothing when
     * listening.
     */
    public void resumeListening() throws IOException {
        synchronized (lock) {
            if (!closed && serverSocket == null) {
                bind(port);
            }
        }
    }

    public boolean isListening() {
        synchronized (lock) {
            return serverSocket != null;
        }
    }

    /** Closes every open connection; their threads then exit. */
    public void closeConnections() {
        for (HttpConnection connection : connections) {
            connection.close();
        }
    }

    public int openConnectionCount() {
        return connections.size();
    }

    /** Stops listening and closes every connection. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeServerSocket();
        }
        closeConnections();
        closedLatch.countDown();
        LOGGER.info("HTTP server on port {} closed", port);
    }

    /** Blocks until {@link #close()} has run. */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }

    private void bind(int requestedPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            // Lets a restart bind the same port while old connections sit in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        serverSocket = socket;
        port = socket.getLocalPort();
        acceptThread = acceptThreads.newThread(() -> acceptLoop(socket));
        acceptThread.start();
        LOGGER.info("HTTP server listening on 127.0.0.1:{}", port);
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOGGER.warn("Accepting a connection failed on port {}", port, e);
                }
                continue;
            }
            HttpConnection connection =
                    new HttpConnection(client, handler, idleTimeout, connections::remove);
            connections.add(connection);
            if (closed) {
                connection.close();
            }
            connectionThreads.newThread(connection).start();
        }
    }

    private void closeServerSocket() {
        if (serverSocket == null) {
            return;
        }
        try {
            serverSocket.close();
            // The JDK releases the port only once the thread blocked in accept() has left it.
            acceptThread.join(ACCEPT_EXIT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            LOGGER.debug("Error while closing the listening socket: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        serverSocket = null;
        acceptThread = null;
    }
}
