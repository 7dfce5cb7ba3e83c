package com.shopdesk.aftersales.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The benchmark: starts the application in this JVM, runs the desk's hot paths (the project) and bare reference
 * processes on the same engine and database (the bare side) in alternating rounds, and prints one table, also
 * written to {@code target/benchmark/<database>.md}. Run it with
 * {@code ./mvnw -Pbenchmark verify -Dbenchmark.database=h2} (or {@code postgres}); see the README's "Benchmark".
 *
 * <p>Order of work: a warm-up, the small-size figures of the queue and the ledger (an empty desk, a small ledger),
 * then the floor and intake, end to end, the two timer storms, and at last the large queue, desk and ledger.
 */
public final class Benchmark {
  private static final long STARTED = System.nanoTime();

  /** What a run measured, and its table. */
  record Result(Settings settings, List<Row> rows, String markdown, Machine.Memory memory, Duration wall) {}

  private Benchmark() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Result result = run(settings, app -> {});
    System.out.println();
    System.out.println(result.markdown());
    // the app's and the HTTP client's threads are done with; do not wait for lingering ones
    System.exit(0);
  }

  /**
   * Runs the benchmark; {@code inspect} sees the app after the last phase, before it is closed (the smoke test
   * checks there what the project side did).
   */
  static Result run(Settings settings, Consumer<BenchApp> inspect) throws Exception {
    long start = System.nanoTime();
    Machine.HeapWatch heap = new Machine.HeapWatch();
    log("starting the app on " + settings.database().label + " (" + settings.scale() + " scale)");
    try (BenchApp app = BenchApp.start(settings)) {
      log("app started");
      Rounds rounds = new Rounds(app);
      Clients clients = new Clients(app);
      Bulk bulk = new Bulk(app, settings.database());
      QueuePhase queue = new QueuePhase(settings, app, bulk, rounds);
      LedgerPhase ledger = new LedgerPhase(settings, app, bulk, rounds);
      EndToEndPhase endToEnd = new EndToEndPhase(settings, clients, rounds);
      DeskPhase desk = new DeskPhase(settings, app, bulk, rounds);

      endToEnd.warmUp();
      log("warmed up");
      queue.measureEmpty();
      ledger.measureSmall();
      desk.measureSmall();
      log("empty desk, small ledger and small managers' desk measured");
      List<Row> rows = new ArrayList<>(new IntakePhase(settings, clients, rounds).run());
      log("intake measured");
      Row endToEndRow = endToEnd.run();
      rows.add(endToEndRow);
      log("end to end measured");
      rows.addAll(new TimerStormPhase(settings, app, bulk, clients, rounds, endToEnd).run(endToEndRow.project()));
      log("timer storms measured");
      rows.addAll(queue.measureLoaded());
      log("loaded queue measured");
      rows.addAll(desk.measureLarge());
      log("managers' desk measured");
      rows.addAll(ledger.measureLarge());
      log("large ledger measured");
      inspect.accept(app);

      Machine.Memory memory = heap.memory();
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      String markdown = Report.markdown(settings, app.databaseVersion, app.configuration(), rows, memory, wall);
      Path out = Path.of("target", "benchmark", settings.database().name().toLowerCase(Locale.ROOT)
          + (settings.scale().equals("full") ? "" : "-" + settings.scale()) + ".md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, markdown);
      log("table written to " + out);
      return new Result(settings, rows, markdown, memory, wall);
    }
  }

  /** A progress line with the wall time and this JVM's CPU time so far (on a shared machine they part ways). */
  static void log(String message) {
    long cpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    System.out.printf(Locale.ROOT, "[benchmark %6.1f s, cpu %6.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9,
        cpu / 1e9, message);
  }
}
