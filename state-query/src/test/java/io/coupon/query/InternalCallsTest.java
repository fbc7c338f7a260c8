package io.coupon.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InternalCallsTest {

    private HttpServer owner;
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> forwarded = new AtomicReference<>();

    @BeforeEach
    void startAnOwner() throws Exception {
        owner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owner.createContext("/", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst(InternalCalls.SECRET_HEADER));
            forwarded.set(exchange.getRequestHeaders().getFirst(RemoteReader.FORWARDED_HEADER));
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        owner.start();
    }

    @AfterEach
    void stopTheOwner() {
        owner.stop(0);
    }

    private RemoteReader readerWith(String secret) {
        return new RemoteReader(new InternalCalls(HttpClient.newHttpClient(), secret),
                "http://127.0.0.1:" + owner.getAddress().getPort(), true, Duration.ofSeconds(5));
    }

    @Test
    void aForwardedReadCarriesTheInstancesSecret() {
        readerWith("internal-secret-0123456789").template(42).join();
        assertEquals("internal-secret-0123456789", received.get());
        assertEquals("1", forwarded.get());
    }

    @Test
    void withoutASecretAForwardedReadCarriesNone() {
        readerWith(null).template(42).join();
        assertNull(received.get());
    }
}
