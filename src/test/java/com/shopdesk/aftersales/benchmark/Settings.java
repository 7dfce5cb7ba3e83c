package com.shopdesk.aftersales.benchmark;

import java.util.Locale;
import java.util.function.Function;

/**
 * What one benchmark run does: the database, the counts and the concurrency. {@link #fromSystemProperties()}
 * reads {@code benchmark.database} ({@code h2} or {@code postgres}), {@code benchmark.scale} ({@code full} or
 * {@code smoke}) and optional counts that override the scale's ({@code benchmark.rounds}, {@code .intake},
 * {@code .endToEnd}, {@code .timers}, {@code .openTasks}, {@code .ledgerRows}, {@code .deskCases}).
 *
 * @param rounds rounds per side of every phase that runs in rounds (they alternate: project, bare, project, …)
 * @param intakePerRound cases (and bare instances) per intake round, at each of {@link #intakeClients}
 * @param endToEndPerRound auto-refunded cases (and bare instances) per end-to-end round
 * @param endToEndClients clients opening the end-to-end cases
 * @param timers timers per side in the storm
 * @param duringStorm auto-refunded cases opened while each storm drains
 * @param openTasks open agents' tasks for the loaded queue measurement
 * @param ledgerSmall ledger rows for the small ledger measurement
 * @param ledgerLarge ledger rows for the large one
 * @param deskCases cases in the ledger when the managers' desk is measured at its large size
 * @param calls timed calls per queue or ledger measurement (the median is reported)
 * @param webapps whether the app runs its webapps; off where other apps share the JVM (the smoke test)
 */
record Settings(Database database, String scale, int rounds, int intakePerRound, int[] intakeClients,
    int endToEndPerRound, int endToEndClients, int timers, int duringStorm, int openTasks, int ledgerSmall,
    int ledgerLarge, int deskCases, int calls, boolean webapps) {

  enum Database {
    H2("H2"), POSTGRES("PostgreSQL");

    final String label;

    Database(String label) {
      this.label = label;
    }
  }

  /**
   * The full run: about 10 minutes per database on the project's 2-core machine. The storm has 5,000 timers a
   * side: the job executor works through 100 to 200 jobs a second there, so 20,000 a side (80,000 jobs) would take
   * 7 to 13 minutes on their own; {@code -Dbenchmark.timers=20000} runs them.
   */
  static Settings full(Database database) {
    return new Settings(database, "full", 3, 100, new int[] {4, 32}, 60, 4, 5_000, 20, 100_000, 1_000, 1_000_000,
        100_000, 20, true);
  }

  /** Tiny counts: checks every phase still runs, as part of the normal build. */
  static Settings smoke(Database database) {
    return new Settings(database, "smoke", 3, 5, new int[] {4, 32}, 5, 4, 200, 5, 300, 200, 2_000, 1_000, 5, false);
  }

  static Settings fromSystemProperties() {
    Database database = switch (System.getProperty("benchmark.database", "h2").toLowerCase(Locale.ROOT)) {
      case "h2" -> Database.H2;
      case "postgres", "postgresql" -> Database.POSTGRES;
      default -> throw new IllegalArgumentException("benchmark.database must be h2 or postgres, not "
          + System.getProperty("benchmark.database"));
    };
    Settings base = switch (System.getProperty("benchmark.scale", "full").toLowerCase(Locale.ROOT)) {
      case "full" -> full(database);
      case "smoke" -> smoke(database);
      default -> throw new IllegalArgumentException("benchmark.scale must be full or smoke, not "
          + System.getProperty("benchmark.scale"));
    };
    Function<String, Integer> count = name -> {
      String value = System.getProperty("benchmark." + name, "").trim();
      return value.isEmpty() ? null : Integer.valueOf(value.replace("_", "").replace(",", ""));
    };
    return new Settings(database, base.scale,
        or(count.apply("rounds"), base.rounds), or(count.apply("intake"), base.intakePerRound), base.intakeClients,
        or(count.apply("endToEnd"), base.endToEndPerRound), base.endToEndClients,
        or(count.apply("timers"), base.timers), base.duringStorm, or(count.apply("openTasks"), base.openTasks),
        base.ledgerSmall, or(count.apply("ledgerRows"), base.ledgerLarge), or(count.apply("deskCases"), base.deskCases),
        base.calls, base.webapps);
  }

  private static int or(Integer given, int otherwise) {
    return given == null ? otherwise : given;
  }
}
