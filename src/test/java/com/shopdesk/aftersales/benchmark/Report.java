package com.shopdesk.aftersales.benchmark;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The one table a run prints and writes to {@code target/benchmark/<database>.md}. */
final class Report {
  private Report() {}

  static String markdown(Settings s, String databaseVersion, String configuration, List<Row> rows,
      Machine.Memory memory, Duration wall) {
    StringBuilder md = new StringBuilder();
    md.append("### Benchmark on ").append(s.database().label).append(" (").append(s.scale()).append(" scale), ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx"))).append("\n\n");
    md.append("Machine: ").append(Machine.describe(databaseVersion)).append(". ").append(configuration)
        .append(".\n\n");
    md.append("Counts: %d rounds per side, alternating project and bare; intake %d cases per round at %s clients; "
        .formatted(s.rounds(), s.intakePerRound(), join(s.intakeClients())))
        .append("end to end %d per round at %d clients; storm %,d timers per side, %d auto-refunds opened during "
            .formatted(s.endToEndPerRound(), s.endToEndClients(), s.timers(), s.duringStorm()))
        .append("each; queue and ledger: median of %d calls (after %d untimed) by one agent.\n\n"
            .formatted(s.calls(), s.calls()));
    md.append("| work | project rate | p50 ms | p95 ms | SQL/op ")
        .append("| bare rate | p50 ms | p95 ms | SQL/op | ratio | target |\n");
    md.append("| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --- |\n");
    for (Row r : rows) {
      md.append("| ").append(r.id()).append(". ").append(r.work()).append(" | ")
          .append(cells(r.project(), r.unit())).append(" | ").append(cells(r.bare(), r.unit())).append(" | ")
          .append(ratio(r)).append(" | ").append(r.target()).append(" |\n");
    }
    md.append('\n');
    for (Row r : rows) {
      if (r.note() != null) {
        md.append("- ").append(r.id()).append(": ").append(r.note()).append('\n');
      }
    }
    md.append("- ratio: project rate / bare rate on rate rows (1–3); p50 / p50 on latency rows (3b–6: the large "
        + "size over the small one)\n");
    md.append("\nMemory of the benchmark JVM (the app and its clients): ").append(memory).append(". ")
        .append("Wall time %d:%02d.\n".formatted(wall.toMinutes(), wall.toSecondsPart()));
    return md.toString();
  }

  private static String cells(Figures f, String unit) {
    if (f == null) {
      return "— | — | — | —";
    }
    String rate = Double.isNaN(f.rate()) ? "—" : number(f.rate()) + " " + unit;
    return "%s | %s | %s | %s".formatted(rate, number(f.p50()), number(f.p95()), number(f.sqlPerOp()));
  }

  private static String ratio(Row r) {
    Double ratio = r.ratio();
    return ratio == null ? "—" : String.format(Locale.ROOT, "%.2f", ratio);
  }

  /** Three significant figures, thousands separated: 1,234 / 123 / 12.3 / 1.23 / 0.123. */
  static String number(double x) {
    if (Double.isNaN(x)) return "—";
    if (x >= 1000) return String.format(Locale.ROOT, "%,.0f", x);
    if (x >= 100) return String.format(Locale.ROOT, "%.0f", x);
    if (x >= 10) return String.format(Locale.ROOT, "%.1f", x);
    if (x >= 1) return String.format(Locale.ROOT, "%.2f", x);
    return String.format(Locale.ROOT, "%.3f", x);
  }

  private static String join(int[] values) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : i == values.length - 1 ? " and " : ", ").append(values[i]);
    }
    return b.toString();
  }
}
