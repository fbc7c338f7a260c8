package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void parsesTheDocumentedCommandLine() {
        BenchOptions o = BenchOptions.parse("flash-sale", "--stock", "10000", "--users", "200000", "--rate", "5000",
                "--duration", "60s", "--url", "http://127.0.0.1:7070/", "--out", "result.json");
        assertEquals("flash-sale", o.scenario());
        assertEquals(10_000, o.stock());
        assertEquals(200_000, o.users());
        assertEquals(5_000, o.rate());
        assertEquals(Duration.ofSeconds(60), o.duration());
        assertEquals("http://127.0.0.1:7070", o.url());
        assertEquals("result.json", o.out().toString());
        assertEquals(Duration.ofMillis(500), BenchOptions.duration("--duration", "500ms"));
        assertEquals(Duration.ofMinutes(2), BenchOptions.duration("--duration", "2m"));
    }

    @Test
    void rampIsNotThereYetAndExitsWithTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"ramp"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("not yet"));
    }

    @Test
    void rejectsAnUnknownOptionWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"flash-sale", "--stok", "1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --stok"));
    }
}
