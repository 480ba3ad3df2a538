package io.tactus.library;

import io.tactus.report.Figure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One score over a trainee's sessions as a line chart (jfreechart, drawn into SVG or PNG like every report
 * figure). x = session number in date order; a missing value (unreadable session, no such analysis) leaves a gap.
 */
public final class ScoreChart implements Figure {

    private final String title;
    private final String unit;
    private final List<Double> values;
    private final Double reference;
    private final Double upper;

    /**
     * @param reference a value to draw as a dashed line (0.5 for balance), or null
     * @param upper     fixed top of the axis (e.g. 100 for a percentage), or null for automatic
     */
    public ScoreChart(String title, String unit, List<Double> values, Double reference, Double upper) {
        this.title = title;
        this.unit = unit;
        this.values = List.copyOf(values);
        this.reference = reference;
        this.upper = upper;
    }

    @Override
    public int width() {
        return 420;
    }

    @Override
    public int height() {
        return 220;
    }

    @Override
    public String description() {
        return title + " over " + values.size() + " sessions";
    }

    @Override
    public void paint(Graphics2D g) {
        XYSeries s = new XYSeries(title, false, true);
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            s.add(i + 1, v == null || !Double.isFinite(v) ? null : v);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "session", unit, new XYSeriesCollection(s),
                PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xf6f8fa));
        plot.setDomainGridlinePaint(new Color(0xd0d6dc));
        plot.setRangeGridlinePaint(new Color(0xd0d6dc));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x1f6feb));
        r.setSeriesStroke(0, new BasicStroke(2f));
        plot.setRenderer(r);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, Math.max(1, values.size()) + 0.5);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        if (upper != null) {
            y.setRange(0, upper);
        }
        if (reference != null) {
            ValueMarker m = new ValueMarker(reference);
            m.setPaint(new Color(0x2e7d32));
            m.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {5f, 4f}, 0f));
            plot.addRangeMarker(m);
        }
        chart.draw(g, new Rectangle2D.Double(0, 0, width(), height()));
    }
}
