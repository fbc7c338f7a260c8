package io.coupon.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The throughput–latency curve of both systems as a PNG: P99 (log scale) against offered rate, budget line. */
final class LatencyChart {

    private LatencyChart() {
    }

    static void write(Map<Long, Double> ours, Map<Long, Double> baseline, double budgetMs, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("ours (Kafka Streams pipeline)", ours));
        data.addSeries(series("baseline (Redis DECR + 16 MariaDB shards)", baseline));
        JFreeChart chart = ChartFactory.createXYLineChart("Flash sale: P99 latency against offered rate",
                "offered rate (claims/s)", "P99 latency (ms, worst round)", data, PlotOrientation.VERTICAL, true,
                false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        LogAxis latency = new LogAxis("P99 latency (ms, worst round, log scale)");
        latency.setSmallestValue(0.1);
        // Whole decades that hold every point and the budget line, labelled 1, 10, 100 ... rather than 10^2.35.
        double low = Math.min(budgetMs, min(ours, baseline));
        double high = Math.max(budgetMs, max(ours, baseline));
        latency.setRange(Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high * 1.01))));
        latency.setTickUnit(new NumberTickUnit(1.0));
        latency.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        latency.setMinorTickCount(9);
        latency.setMinorTickMarksVisible(true);
        plot.setRangeAxis(latency);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        lines.setSeriesPaint(0, new Color(0x1f77b4));
        lines.setSeriesPaint(1, new Color(0xd62728));
        lines.setSeriesStroke(0, new BasicStroke(2.5f));
        lines.setSeriesStroke(1, new BasicStroke(2.5f));
        plot.setRenderer(lines);
        ValueMarker budget = new ValueMarker(budgetMs, Color.DARK_GRAY, new BasicStroke(1.5f,
                BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        budget.setLabel(String.format("P99 budget %.0f ms", budgetMs));
        budget.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        budget.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(budget);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 540);
    }

    private static double min(Map<Long, Double> a, Map<Long, Double> b) {
        return java.util.stream.Stream.concat(a.values().stream(), b.values().stream()).filter(v -> v > 0)
                .mapToDouble(Double::doubleValue).min().orElse(1);
    }

    private static double max(Map<Long, Double> a, Map<Long, Double> b) {
        return java.util.stream.Stream.concat(a.values().stream(), b.values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1);
    }

    private static XYSeries series(String name, Map<Long, Double> p99ByRate) {
        XYSeries series = new XYSeries(name);
        // A P99 of 0 (no answer at all) cannot sit on a log axis; it is left out rather than faked.
        p99ByRate.forEach((rate, p99) -> {
            if (p99 > 0) {
                series.add(rate.doubleValue(), p99);
            }
        });
        return series;
    }
}
