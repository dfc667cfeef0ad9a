package org.eligo.server.web;

import java.util.List;
import java.util.Locale;
import org.eligo.server.api.EvidenceSummary;

/**
 * A small inline SVG bar chart of response by cohort: one bar per cohort for the observed share, with a whisker for
 * its exact 95% confidence interval and the counts written beside it. A data table next to it carries the same
 * figures for screen readers.
 */
final class ResultsChart {
  private static final int WIDTH = 640;
  private static final int LABEL = 230;
  private static final int PLOT = 300;
  private static final int ROW = 46;

  private ResultsChart() {}

  static String svg(Messages m, String id, List<EvidenceSummary.Cohort> cohorts) {
    int height = 30 + ROW * cohorts.size() + 24;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t\" xmlns=\"http://www.w3.org/2000/svg\">")
        .append("<title id=\"").append(id).append("-t\">").append(Html.escape(m.get("trial.results.chartLabel")))
        .append("</title>");
    int top = 20;
    for (int tick = 0; tick <= 100; tick += 25) {
      double x = LABEL + PLOT * tick / 100.0;
      b.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(top - 6).append("\" x2=\"").append(fmt(x))
          .append("\" y2=\"").append(top + ROW * cohorts.size()).append("\" stroke=\"#c9d1db\"/>")
          .append("<text x=\"").append(fmt(x)).append("\" y=\"").append(top + ROW * cohorts.size() + 16)
          .append("\" font-size=\"12\" text-anchor=\"middle\" fill=\"#4a5361\">").append(tick).append("%</text>");
    }
    for (int i = 0; i < cohorts.size(); i++) {
      EvidenceSummary.Cohort c = cohorts.get(i);
      int y = top + i * ROW;
      double w = PLOT * c.proportion();
      double lo = LABEL + PLOT * c.lower();
      double hi = LABEL + PLOT * c.upper();
      String label = c.population().length() > 34 ? c.population().substring(0, 33) + "…" : c.population();
      b.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"13\" fill=\"#1b1f24\">")
          .append(Html.escape(label)).append("</text>")
          .append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(w))
          .append("\" height=\"20\" fill=\"#0b4fa8\"/>")
          .append("<line x1=\"").append(fmt(lo)).append("\" y1=\"").append(y + 14).append("\" x2=\"").append(fmt(hi))
          .append("\" y2=\"").append(y + 14).append("\" stroke=\"#1b1f24\" stroke-width=\"2\"/>")
          .append("<line x1=\"").append(fmt(lo)).append("\" y1=\"").append(y + 7).append("\" x2=\"").append(fmt(lo))
          .append("\" y2=\"").append(y + 21).append("\" stroke=\"#1b1f24\" stroke-width=\"2\"/>")
          .append("<line x1=\"").append(fmt(hi)).append("\" y1=\"").append(y + 7).append("\" x2=\"").append(fmt(hi))
          .append("\" y2=\"").append(y + 21).append("\" stroke=\"#1b1f24\" stroke-width=\"2\"/>")
          .append("<text x=\"").append(LABEL + PLOT + 8).append("\" y=\"").append(y + 19)
          .append("\" font-size=\"13\" fill=\"#1b1f24\">").append(c.events()).append('/').append(c.n()).append(" (")
          .append(percent(c.proportion())).append(")</text>");
    }
    return b.append("</svg>").toString();
  }

  /** 0.6667 → "67%". */
  static String percent(double p) {
    return Math.round(p * 100) + "%";
  }

  /** An interval bound with one decimal: 0.3489 → "34.9%". */
  static String bound(double p) {
    return String.format(Locale.ROOT, "%.1f%%", p * 100);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
