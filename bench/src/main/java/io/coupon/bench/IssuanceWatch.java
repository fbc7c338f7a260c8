package io.coupon.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads a targeted issuance's progress every {@code interval} while the live claims run, on its own thread, so
 * the report can show the issuance was working during the whole measurement (not done before it began, nor
 * stalled), and how far it got.
 */
final class IssuanceWatch implements AutoCloseable {

    /** One reading of {@code GET …/issuances/{id}}, {@code atSeconds} after the live window began. */
    record Sample(double atSeconds, String status, long matched, long granted, long rejected) {

        static Sample of(JsonNode progress, double atSeconds) {
            long rejected = 0;
            for (JsonNode n : progress.path("rejected")) {
                rejected += n.asLong();
            }
            return new Sample(Math.round(atSeconds * 1000) / 1000.0, progress.path("status").asText(),
                    progress.path("matched").asLong(), progress.path("granted").asLong(), rejected);
        }

        boolean done() {
            return "DONE".equals(status);
        }
    }

    private final Callable<JsonNode> read;
    private final long startNanos;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final LongAdder errors = new LongAdder();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "issuance-watch");
        t.setDaemon(true);
        return t;
    });

    /** Starts reading at once and then every {@code interval}; times are from {@code startNanos}. */
    IssuanceWatch(Callable<JsonNode> read, long startNanos, Duration interval) {
        this.read = read;
        this.startNanos = startNanos;
        poller.scheduleAtFixedRate(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading now, on the caller's thread; null when the server did not answer. */
    Sample readNow() {
        try {
            return Sample.of(read.call(), (System.nanoTime() - startNanos) / 1e9);
        } catch (Exception e) {
            errors.increment();
            return null;
        }
    }

    private void poll() {
        Sample s = readNow();
        if (s != null) {
            samples.add(s);
        }
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    long errors() {
        return errors.sum();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    /**
     * What the live window saw of the issuance: its progress when the window began and when it ended, how much
     * it granted in between, whether it was still running at the end (so it ran the whole window), and when it
     * finished if it did; {@code start} or {@code end} may be null when they could not be read.
     */
    static Map<String, Object> window(Sample start, Sample end, List<Sample> samples) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("issuanceAtStart", start == null ? null : brief(start));
        w.put("issuanceAtEnd", end == null ? null : brief(end));
        w.put("issuanceGrantedDuringWindow", start == null || end == null ? null : end.granted() - start.granted());
        w.put("issuanceRunningThroughout", start != null && end != null && !start.done() && !end.done());
        Sample firstDone = samples.stream().filter(Sample::done).findFirst()
                .orElse(end != null && end.done() ? end : null);
        w.put("issuanceDoneAtSeconds", firstDone == null ? null : firstDone.atSeconds());
        return w;
    }

    /** {@code {status, matched, granted, rejected}}: an object in the JSON, one short item in the summary. */
    static Map<String, Object> brief(Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", s.status());
        m.put("matched", s.matched());
        m.put("granted", s.granted());
        m.put("rejected", s.rejected());
        return m;
    }

    /** The samples as plain maps for the JSON result. */
    static List<Map<String, Object>> asJson(List<Sample> samples) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Sample s : samples) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("atSeconds", s.atSeconds());
            m.putAll(brief(s));
            out.add(m);
        }
        return out;
    }
}
