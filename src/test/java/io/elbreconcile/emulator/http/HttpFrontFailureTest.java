package io.elbreconcile.emulator.http;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A handler that fails: the client gets a 500 answer, and the front's failure sink is told which request and why. */
class HttpFrontFailureTest {

    record Reported(String request, Throwable failure) {
    }

    @Test
    void aFailingHandlerIsAnswered500AndItsCauseGoesToTheSinkWithoutTheQuery() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        List<Reported> reported = new CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (HttpFront front = HttpFront.start(new InetSocketAddress("127.0.0.1", 0), 8, exchange -> {
            throw boom;
        }, (request, failure) -> reported.add(new Reported(request, failure)), workers, Duration.ofSeconds(10), 1024)) {
            HttpClient client = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + front.address().getPort() + "/some/path?X-Amz-Signature=secret");

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("a=b")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(500, response.statusCode());
            assertEquals(1, reported.size(), reported::toString);
            assertEquals("POST /some/path", reported.get(0).request());
            assertSame(boom, reported.get(0).failure());
        } finally {
            workers.shutdownNow();
        }
    }

    @Test
    void aSinkThatFailsStillLetsTheClientHaveItsAnswer() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (HttpFront front = HttpFront.start(new InetSocketAddress("127.0.0.1", 0), 8, exchange -> {
            throw new IllegalStateException("boom");
        }, (request, failure) -> {
            throw new IllegalArgumentException("the sink is broken too");
        }, workers, Duration.ofSeconds(10), 1024)) {
            URI uri = URI.create("http://127.0.0.1:" + front.address().getPort() + "/");

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(500, response.statusCode());
        } finally {
            workers.shutdownNow();
        }
    }
}
