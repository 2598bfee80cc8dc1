package dev.leakhunt.charts.curves;

import dev.leakhunt.charts.run.RunEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds one resource chart: the resource's lines on the left axis in its unit, the driver's p99 and request
 * rate on two right axes, and the run's marks (warm-up, profile captures, target deaths and restarts).
 */
public final class CurveChart {

    public static final int WIDTH_PX = 1000;
    public static final int HEIGHT_PX = 420;

    /** A limit line (heap max, fd limit) far above the curves would flatten them; it is drawn once they reach this share of it. */
    private static final double LIMIT_RELEVANCE = 0.25;

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    // Translucent: the driver's lines are context behind the resource's, and a noisy p99 must not hide them.
    private static final Color LOAD_P99 = new Color(90, 60, 140, 120);
    private static final Color LOAD_RATE = new Color(120, 120, 120, 110);
    private static final Color WARMUP_FILL = new Color(255, 236, 179, 110);
    private static final Color PROFILE_MARK = new Color(0x7f7f7f);
    private static final Color DEATH_MARK = new Color(0xc00000);
    private static final Color RESTART_MARK = new Color(0xe08000);
    private static final Stroke LINE = new BasicStroke(1.6f);
    private static final Stroke THIN = new BasicStroke(1.0f);
    private static final Stroke DASHED = dashed(1.4f, 6f, 4f);
    private static final Stroke DOTTED = dashed(1.0f, 2f, 3f);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    static {
        // JFreeChart's default draws rotated strings (the vertical axis labels) through TextLayout, which JFreeSVG
        // can only emit as outlined glyph paths: larger files and labels that cannot be searched or selected.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private CurveChart() {
    }

    public static JFreeChart build(
            String title,
            String axisLabel,
            Optional<String> subtitle,
            ValueUnit unit,
            List<CurveSeries> series,
            TimeAxis time,
            ChartMarks marks,
            Optional<LoadOverlay> load) {
        List<CurveSeries> drawn = withRelevantLimits(series);
        double max = drawn.stream().mapToDouble(CurveSeries::max).filter(Double::isFinite).max().orElse(1);
        ValueUnit.AxisScale scale = unit.scaleFor(max);
        double[] breaks = Arrays.stream(marks.lineBreaksMs()).mapToDouble(time::at).toArray();

        XYSeriesCollection values = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = pathRenderer();
        for (int i = 0; i < drawn.size(); i++) {
            CurveSeries s = drawn.get(i);
            values.addSeries(xySeries(s.label(), s.tsMs(), s.values(), scale.divisor(), time, breaks));
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, s.style() == CurveSeries.Style.LIMIT ? DASHED : LINE);
        }
        NumberAxis x = axis(time.label());
        x.setRange(0, time.end());
        NumberAxis y = axis(axisLabel + " (" + scale.unitLabel() + ")");
        y.setAutoRangeIncludesZero(true);
        if (unit == ValueUnit.COUNT) {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYPlot plot = new XYPlot(values, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        load.ifPresent(l -> addLoad(plot, l, time, breaks));
        LegendItemCollection legend = plot.getLegendItems();
        addMarks(plot, legend, marks, time);
        plot.setFixedLegendItems(legend);

        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(LABEL_FONT);
        subtitle.ifPresent(text -> chart.addSubtitle(new TextTitle(text, SUBTITLE_FONT)));
        return chart;
    }

    private static List<CurveSeries> withRelevantLimits(List<CurveSeries> series) {
        double measuredMax = series.stream().filter(s -> s.style() == CurveSeries.Style.LINE)
                .mapToDouble(CurveSeries::max).filter(Double::isFinite).max().orElse(0);
        return series.stream()
                .filter(s -> s.style() != CurveSeries.Style.LIMIT || measuredMax >= LIMIT_RELEVANCE * s.max())
                .toList();
    }

    private static XYSeries xySeries(
            String label, long[] tsMs, double[] values, double divisor, TimeAxis time, double[] breaks) {
        double[] x = new double[tsMs.length];
        double[] y = new double[tsMs.length];
        for (int i = 0; i < tsMs.length; i++) {
            x[i] = time.at(tsMs[i]);
            y[i] = values[i] / divisor;
        }
        MinMaxDownsampler.Points points = MinMaxDownsampler.downsample(x, y, 0, time.end(), WIDTH_PX, breaks);
        XYSeries series = new XYSeries(label, false, true);
        for (int i = 0; i < points.size(); i++) {
            series.add(points.x()[i], points.y()[i], false);
        }
        return series;
    }

    private static void addLoad(XYPlot plot, LoadOverlay load, TimeAxis time, double[] breaks) {
        addRightAxisLine(plot, 1, "Gatling p99 (ms)", load.bucketStartMs(), load.p99Ms(), LOAD_P99, time, breaks);
        addRightAxisLine(plot, 2, "Gatling requests (per s)", load.bucketStartMs(), load.requestsPerS(), LOAD_RATE,
                time, breaks);
    }

    private static void addRightAxisLine(XYPlot plot, int index, String label, long[] tsMs, double[] values,
            Color color, TimeAxis time, double[] breaks) {
        XYLineAndShapeRenderer renderer = pathRenderer();
        renderer.setSeriesPaint(0, color);
        renderer.setSeriesStroke(0, THIN);
        NumberAxis axis = axis(label);
        axis.setAutoRangeIncludesZero(true);
        Color opaque = new Color(color.getRGB() & 0xffffff).darker();
        axis.setLabelPaint(opaque);
        axis.setTickLabelPaint(opaque);
        axis.setUpperMargin(0.1);
        plot.setDataset(index, new XYSeriesCollection(xySeries(label, tsMs, values, 1, time, breaks)));
        plot.setRangeAxis(index, axis);
        plot.mapDatasetToRangeAxis(index, index);
        plot.setRenderer(index, renderer);
    }

    private static void addMarks(XYPlot plot, LegendItemCollection legend, ChartMarks marks, TimeAxis time) {
        // A warm-up that ends at or before the axis start would be an empty band with a legend entry.
        if (marks.warmupEndMs().isPresent() && time.at(marks.warmupEndMs().getAsLong()) > 0) {
            IntervalMarker warmup = new IntervalMarker(0, time.at(marks.warmupEndMs().getAsLong()), WARMUP_FILL);
            warmup.setLabel("warm-up");
            warmup.setLabelFont(TICK_FONT);
            warmup.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            warmup.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addDomainMarker(warmup, Layer.BACKGROUND);
            legend.add(new LegendItem("warm-up (excluded from verdicts)", null, null, null,
                    new Rectangle2D.Double(-6, -5, 12, 10), WARMUP_FILL));
        }
        for (long ts : marks.profileMs()) {
            plot.addDomainMarker(new ValueMarker(time.at(ts), PROFILE_MARK, DOTTED), Layer.BACKGROUND);
        }
        if (!marks.profileMs().isEmpty()) {
            legend.add(lineLegend("profile capture", DOTTED, PROFILE_MARK));
        }
        boolean died = false;
        boolean restarted = false;
        for (RunEvent event : marks.targetEvents()) {
            boolean death = RunEvent.TARGET_EXIT.equals(event.type());
            died |= death;
            restarted |= !death;
            ValueMarker marker = new ValueMarker(time.at(event.tsMs()), death ? DEATH_MARK : RESTART_MARK, LINE);
            marker.setLabel(death ? deathLabel(event) : "restart");
            marker.setLabelFont(TICK_FONT);
            marker.setLabelPaint(death ? DEATH_MARK : RESTART_MARK);
            // A restart follows its death within seconds: the death's label goes left of the line, the restart's right.
            marker.setLabelAnchor(death ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(death ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
        if (died) {
            legend.add(lineLegend("target died", LINE, DEATH_MARK));
        }
        if (restarted) {
            legend.add(lineLegend("target restarted", LINE, RESTART_MARK));
        }
    }

    private static String deathLabel(RunEvent exit) {
        if (exit.fields().path("oom_kill").asBoolean(false)) {
            return "OOM-killed";
        }
        String code = exit.text("exit_code");
        String signal = exit.text("signal");
        return "died" + (code.isEmpty() ? "" : " (exit " + code + ")") + (signal.isEmpty() ? "" : " " + signal);
    }

    private static LegendItem lineLegend(String label, Stroke stroke, Color color) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-8, 0, 8, 0), stroke, color);
    }

    private static XYLineAndShapeRenderer pathRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        // One <path> per series instead of one <line> per segment: ~8x smaller SVG (jvm-facts).
        renderer.setDrawSeriesLineAsPath(true);
        return renderer;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        return axis;
    }

    private static Stroke dashed(float width, float on, float off) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {on, off}, 0f);
    }
}
