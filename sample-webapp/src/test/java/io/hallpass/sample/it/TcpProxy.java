package io.hallpass.sample.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy under a test's control, standing between a server and its database: it listens on a free loopback
 * port and forwards every connection to {@code target}, byte for byte, until the test {@link #cut() cuts} it. A cut
 * closes every open connection at once (a query in flight fails as on a broken network) and answers every new one by
 * closing it straight away, keeping the port so that {@link #restore()} brings the same address back. The database
 * itself is never touched: the other node, connected directly, goes on as before.
 *
 * <pre>
 * try (TcpProxy proxy = TcpProxy.start(new InetSocketAddress("127.0.0.1", 5432))) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/app";
 *     ...
 *     proxy.cut();      // the node behind it loses its database
 *     proxy.restore();  // and finds it again
 * }
 * </pre>
 */
final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(InetSocketAddress target, ServerSocket server) {
        this.target = target;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code 127.0.0.1:0} and forwards to {@code target}. */
    static TcpProxy start(InetSocketAddress target) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new TcpProxy(target, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every connection through the proxy and refuses (accepts and closes at once) every new one. */
    void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Forwards new connections again (the ones cut stay closed: the pool behind must open new ones). */
    void restore() {
        cut = false;
    }

    boolean isCut() {
        return cut;
    }

    /** Connections forwarded so far. */
    long accepted() {
        return accepted.get();
    }

    /** Connections refused while cut. */
    long refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            Socket upstream = new Socket();
            try {
                upstream.connect(target, 5_000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            open.add(client);
            open.add(upstream);
            if (cut) { // cut while connecting: the cut may not have seen these two
                cut();
                continue;
            }
            accepted.incrementAndGet();
            pump(client, upstream, "up");
            pump(upstream, client, "down");
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // cut, or closed by one side
            } catch (IOException e) {
                // the same: nothing to report, the connection is over
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-" + port() + "-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing is all we wanted
        }
        cut();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
