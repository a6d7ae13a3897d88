package io.elbreconcile.emulator.http;

import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The emulator's HTTP/1.1 server. One selector thread accepts, reads and writes; a worker runs a
 * request only once all of it has arrived. So a client that sends slowly, or not at all, holds a
 * buffer and never a worker, and it is disconnected when {@code requestTimeout} has passed
 * without a complete request (counted from the connection's opening or its previous answer).
 *
 * <p>A connection is closed only while no request of it is with a worker: a request that has been
 * read always gets its answer written (unless the client goes away). Every answer carries its
 * Content-Length, and its status line, header fields and body go to the socket in one gathering
 * write. It replaces the JDK's {@code HttpServer}, which read request heads on worker threads
 * (16 half-sent requests stalled every other client) and sent each answer's head before its body:
 * Terraform's AWS provider, holding a head without its body, now and then dropped the connection
 * and retried a create that had already run (bench/RESULTS.md, "Lost responses").
 */
public final class HttpFront implements AutoCloseable {
    /** Beyond this many open connections, new ones are closed at once. */
    public static final int MAX_CONNECTIONS = 1024;
    /** How long a half-closed connection may still send before it is closed for good. */
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final HttpHandler handler;
    private final FailureSink failures;
    private final ExecutorService workers;
    private final long requestTimeoutNanos;
    private final int maxKeptBody;
    private final Queue<Runnable> fromWorkers = new ConcurrentLinkedQueue<>();
    /** Selector thread only. */
    private final Set<FrontConnection> connections = new HashSet<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Told of each failure of the handler, which the client sees only as a 500 answer: without it
     * an operator could not know why.
     */
    @FunctionalInterface
    public interface FailureSink {
        /** @param request the method and path (no query: it may carry a signature) */
        void failed(String request, Throwable failure);
    }

    private HttpFront(ServerSocketChannel listener, Selector selector, HttpHandler handler, FailureSink failures,
                      ExecutorService workers, Duration requestTimeout, int maxKeptBody) {
        this.listener = listener;
        this.selector = selector;
        this.handler = handler;
        this.failures = failures;
        this.workers = workers;
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.maxKeptBody = maxKeptBody;
        this.thread = new Thread(this::run, "elb-emulator-front");
        this.thread.setDaemon(true);
    }

    /**
     * Binds and starts serving. {@code maxKeptBody}: bytes of a body kept for the handler; the
     * rest is read and dropped, so the handler can answer "too large" and the connection stays usable.
     */
    public static HttpFront start(InetSocketAddress address, int backlog, HttpHandler handler, FailureSink failures,
                                  ExecutorService workers, Duration requestTimeout, int maxKeptBody) throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        Selector selector = null;
        try {
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(address, backlog);
            listener.configureBlocking(false);
            selector = Selector.open();
            listener.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            listener.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
        HttpFront front = new HttpFront(listener, selector, handler, failures, workers, requestTimeout, maxKeptBody);
        front.thread.start();
        return front;
    }

    public InetSocketAddress address() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            throw new IllegalStateException("the emulator's listening socket is closed", e);
        }
    }

    /** Stops accepting and closes every connection; answers still with a worker are dropped. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                selector.select(this::handle, expireAndTimeToNextDeadline());
                Runnable task;
                while ((task = fromWorkers.poll()) != null) {
                    task.run();
                }
            }
        } catch (IOException e) {
            // The selector itself failed: nothing can be served any more; close what is open.
        } finally {
            connections.forEach(FrontConnection::close);
            connections.clear();
            try {
                listener.close();
                selector.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }

    /** Closes connections past their deadline; the milliseconds until the next one (at least 1). */
    private long expireAndTimeToNextDeadline() {
        long now = System.nanoTime();
        long next = now + TimeUnit.SECONDS.toNanos(1);
        List<FrontConnection> expired = new ArrayList<>();
        for (FrontConnection connection : connections) {
            if (connection.phase == FrontConnection.Phase.SERVING) {
                continue;
            }
            if (connection.deadlineNanos - now <= 0) {
                expired.add(connection);
            } else if (connection.deadlineNanos - next < 0) {
                next = connection.deadlineNanos;
            }
        }
        expired.forEach(this::close);
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - now + 999_999));
    }

    private void handle(SelectionKey key) {
        if (key.channel() == listener) {
            accept();
            return;
        }
        FrontConnection connection = (FrontConnection) key.attachment();
        try {
            if (key.isValid() && key.isWritable()) {
                write(connection);
            }
            if (key.isValid() && key.isReadable()) {
                read(connection);
            }
        } catch (IOException | RuntimeException e) {
            close(connection);
        }
    }

    private void accept() {
        SocketChannel channel;
        try {
            while ((channel = listener.accept()) != null) {
                if (connections.size() >= MAX_CONNECTIONS) {
                    channel.close();
                    continue;
                }
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                FrontConnection connection = new FrontConnection(channel, key, new RequestReader(maxKeptBody),
                        System.nanoTime() + requestTimeoutNanos);
                key.attach(connection);
                connections.add(connection);
            }
        } catch (IOException e) {
            // A client that vanished while being accepted; the others are unaffected.
        }
    }

    private void read(FrontConnection connection) throws IOException {
        readBuffer.clear();
        int count = connection.channel.read(readBuffer);
        if (count < 0) {
            // The client is done: a request it left incomplete was never run.
            close(connection);
            return;
        }
        if (connection.phase == FrontConnection.Phase.DRAINING) {
            return;
        }
        readBuffer.flip();
        connection.reader.append(readBuffer);
        advance(connection);
    }

    /** Hands a complete request to a worker, refuses a bad one, or waits for more bytes. */
    private void advance(FrontConnection connection) throws IOException {
        RequestReader.Outcome outcome = connection.reader.next();
        if (outcome == null) {
            if (connection.reader.takeContinueWanted()) {
                connection.queue(FrontExchange.continueInterim());
                write(connection);
            }
            return;
        }
        if (outcome instanceof RequestReader.Refused refused) {
            answer(connection, FrontExchange.plain(refused.status(), refused.reason()), true);
            return;
        }
        RequestReader.Complete request = (RequestReader.Complete) outcome;
        connection.phase = FrontConnection.Phase.SERVING;
        connection.updateInterest();
        InetSocketAddress local = (InetSocketAddress) connection.channel.getLocalAddress();
        InetSocketAddress remote = (InetSocketAddress) connection.channel.getRemoteAddress();
        boolean writeDirectly = connection.nothingQueued();
        try {
            workers.execute(() -> serve(connection, request, local, remote, writeDirectly));
        } catch (RejectedExecutionException e) {
            close(connection);   // shutting down
        }
    }

    private void report(RequestHead head, Throwable failure) {
        String target = head.target();
        int query = target.indexOf('?');
        try {
            failures.failed(head.method() + " " + (query < 0 ? target : target.substring(0, query)), failure);
        } catch (RuntimeException sinkFailed) {
            // The answer must still go out; a sink that cannot report has nothing better to do.
        }
    }

    /**
     * On a worker: runs the handler, writes what the socket takes of the answer at once and passes
     * the rest, if any, back to the selector thread. While a request is served the selector thread
     * neither reads nor writes its connection, so the worker may write it.
     */
    private void serve(FrontConnection connection, RequestReader.Complete request, InetSocketAddress local,
                       InetSocketAddress remote, boolean writeDirectly) {
        FrontExchange exchange = FrontExchange.of(request.head(), request.body(), local, remote);
        ByteBuffer[] answer;
        boolean close = !request.head().keepAlive();
        if (exchange == null) {
            answer = FrontExchange.plain(400, "malformed request target");
            close = true;
        } else {
            try {
                handler.handle(exchange);
                answer = exchange.encode(!close);
            } catch (Throwable failure) {
                // Whatever went wrong, the client gets an answer rather than a connection that hangs.
                answer = FrontExchange.plain(500, "internal error of the emulator's HTTP front");
                close = true;
                report(request.head(), failure);
            }
        }
        if (writeDirectly) {
            try {
                connection.channel.write(answer);   // head and body in one gathering write
            } catch (IOException e) {
                // The selector thread meets the broken connection when it writes the rest, and closes it.
            }
        }
        ByteBuffer[] parts = answer;
        boolean closeAfter = close;
        fromWorkers.add(() -> {
            try {
                answer(connection, parts, closeAfter);
            } catch (IOException | RuntimeException e) {
                close(connection);
            }
        });
        selector.wakeup();
    }

    private void answer(FrontConnection connection, ByteBuffer[] parts, boolean closeAfter) throws IOException {
        if (!connection.channel.isOpen()) {
            return;
        }
        connection.phase = FrontConnection.Phase.WRITING;
        connection.closeAfterWriting = closeAfter;
        connection.deadlineNanos = System.nanoTime() + requestTimeoutNanos;
        connection.queue(parts);
        write(connection);
    }

    private void write(FrontConnection connection) throws IOException {
        if (!connection.flush()) {
            connection.updateInterest();
            return;
        }
        if (connection.phase != FrontConnection.Phase.WRITING) {
            connection.updateInterest();   // an interim 100 Continue went out; keep reading
            return;
        }
        if (connection.closeAfterWriting) {
            connection.channel.shutdownOutput();
            connection.phase = FrontConnection.Phase.DRAINING;
            connection.deadlineNanos = System.nanoTime() + Math.min(DRAIN_NANOS, requestTimeoutNanos);
            connection.updateInterest();
            return;
        }
        connection.phase = FrontConnection.Phase.READING;
        connection.deadlineNanos = System.nanoTime() + requestTimeoutNanos;
        connection.updateInterest();
        advance(connection);   // a pipelined request may already be buffered
    }

    private void close(FrontConnection connection) {
        connections.remove(connection);
        connection.close();
    }
}
