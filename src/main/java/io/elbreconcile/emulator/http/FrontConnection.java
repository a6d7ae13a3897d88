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

    boolean nothingQueued() {
        return outgoing.isEmpty();
    }

    void queue(ByteBuffer[] parts) {
        for (ByteBuffer part : parts) {
            if (part.hasRemaining()) {
                outgoing.addLast(part);
            }
        }
    }

    /** Writes what the socket takes now, all queued parts in one gathering write; true when nothing is left. */
    boolean flush() throws IOException {
        while (!outgoing.isEmpty()) {
            long written = channel.write(outgoing.toArray(new ByteBuffer[0]));
            while (!outgoing.isEmpty() && !outgoing.peekFirst().hasRemaining()) {
                outgoing.removeFirst();
            }
            if (written == 0 && !outgoing.isEmpty()) {
                return false;
            }
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
