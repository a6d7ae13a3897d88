package io.elbreconcile.emulator.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One client connection of {@link HttpFront}. Touched only by the selector thread, except that a
 * worker hands the finished answer back through the front's task queue.
 */
final class FrontConnection {
    /** Where the connection is in its request/answer cycle. */
    enum Phase {
        /** Waiting for (the rest of) a request; the deadline runs. */
        READING,
        /** A complete request is with a worker; nothing is read and no deadline runs. */
        SERVING,
        /** The answer is being written; the deadline runs (a client that never reads it). */
        WRITING,
        /** Answered and half-closed; reading and dropping what the client still sends, so that
         *  closing does not reset the connection before the client has read the answer. */
        DRAINING
    }

    final SocketChannel channel;
    final SelectionKey key;
    final RequestReader reader;
    private final ArrayDeque<ByteBuffer> outgoing = new ArrayDeque<>();
    Phase phase = Phase.READING;
    long deadlineNanos;
    boolean closeAfterWriting;

    FrontConnection(SocketChannel channel, SelectionKey key, RequestReader reader, long deadlineNanos) {
        this.channel = channel;
        this.key = key;
        this.reader = reader;
        this.deadlineNanos = deadlineNanos;
    }

    void queue(byte[] bytes) {
        outgoing.addLast(ByteBuffer.wrap(bytes));
    }

    /** Writes what the socket takes now; true when nothing is left. */
    boolean flush() throws IOException {
        while (!outgoing.isEmpty()) {
            ByteBuffer next = outgoing.peekFirst();
            channel.write(next);
            if (next.hasRemaining()) {
                return false;
            }
            outgoing.removeFirst();
        }
        return true;
    }

    /** Reads in the phases that read, writes while anything is queued. */
    void updateInterest() {
        if (!key.isValid()) {
            return;
        }
        int ops = phase == Phase.READING || phase == Phase.DRAINING ? SelectionKey.OP_READ : 0;
        if (!outgoing.isEmpty()) {
            ops |= SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already gone: nothing more to release.
        }
    }
}
