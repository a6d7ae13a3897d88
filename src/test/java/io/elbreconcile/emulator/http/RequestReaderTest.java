package io.elbreconcile.emulator.http;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests assembled from bytes as they trickle in: complete only when all of it is there. */
class RequestReaderTest {
    private static final String REQUEST = "POST /?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nAction=Test";

    @Test
    void aRequestSentOneByteAtATimeIsCompleteOnlyWithItsLastByte() {
        RequestReader reader = new RequestReader(1024);
        byte[] bytes = REQUEST.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length - 1; i++) {
            reader.append(ByteBuffer.wrap(bytes, i, 1));
            assertNull(reader.next(), "incomplete after " + (i + 1) + " bytes");
        }
        reader.append(ByteBuffer.wrap(bytes, bytes.length - 1, 1));
        RequestReader.Complete complete = assertInstanceOf(RequestReader.Complete.class, reader.next());
        assertEquals("POST", complete.head().method());
        assertEquals("/?x=1", complete.head().target());
        assertTrue(complete.head().keepAlive());
        assertArrayEquals("Action=Test".getBytes(StandardCharsets.US_ASCII), complete.body());
        assertFalse(reader.midRequest());
    }

    @Test
    void twoRequestsInOneReadComeOutOneAfterTheOther() {
        RequestReader reader = new RequestReader(1024);
        reader.append(ByteBuffer.wrap((REQUEST + REQUEST.replace("Test", "Next")).getBytes(StandardCharsets.US_ASCII)));
        assertEquals("Action=Test", new String(((RequestReader.Complete) reader.next()).body(), StandardCharsets.US_ASCII));
        assertEquals("Action=Next", new String(((RequestReader.Complete) reader.next()).body(), StandardCharsets.US_ASCII));
        assertNull(reader.next());
    }

    @Test
    void aBodyBeyondTheKeptSizeIsCountedAndDroppedSoTheNextRequestStillParses() {
        RequestReader reader = new RequestReader(4);
        reader.append(ByteBuffer.wrap((REQUEST + "GET / HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        RequestReader.Complete big = (RequestReader.Complete) reader.next();
        assertEquals(11, big.head().contentLength());
        assertArrayEquals("Acti".getBytes(StandardCharsets.US_ASCII), big.body());
        RequestReader.Complete next = (RequestReader.Complete) reader.next();
        assertEquals("GET", next.head().method());
        assertFalse(next.head().keepAlive(), "HTTP/1.0 without keep-alive closes");
    }

    @Test
    void aHeadThatNeverEndsIsRefusedOnceItPassesTheLimit() {
        RequestReader reader = new RequestReader(1024);
        reader.append(ByteBuffer.wrap(("POST / HTTP/1.1\r\nX: " + "a".repeat(RequestReader.MAX_HEAD_BYTES)).getBytes(StandardCharsets.US_ASCII)));
        RequestReader.Refused refused = assertInstanceOf(RequestReader.Refused.class, reader.next());
        assertEquals(431, refused.status());
    }

    @Test
    void aClientAskingForContinueIsToldOnceBeforeItsBody() {
        RequestReader reader = new RequestReader(1024);
        reader.append(ByteBuffer.wrap("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertNull(reader.next());
        assertTrue(reader.takeContinueWanted());
        assertFalse(reader.takeContinueWanted());
        reader.append(ByteBuffer.wrap("Action=Test".getBytes(StandardCharsets.US_ASCII)));
        assertInstanceOf(RequestReader.Complete.class, reader.next());
    }
}
