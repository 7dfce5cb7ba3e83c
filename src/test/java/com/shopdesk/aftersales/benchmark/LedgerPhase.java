package com.shopdesk.aftersales.benchmark;

import static com.shopdesk.aftersales.benchmark.Http.expect;

import java.util.List;

/**
 * The ledger (phase 5): {@code GET /api/cases?limit=50} as an agent, newest first, at a small and at a large
 * ledger (closed cases added in bulk by SQL, opened 30 s apart going back from an hour before the run). Also a
 * page deep in, {@code before=<a case from the middle of the ledger>}, when the app takes that parameter (keyset
 * paging); an app that answers 400 for it gets "n/a".
 */
final class LedgerPhase {
  private static final int LIMIT = 50;
  private final Settings settings;
  private final BenchApp app;
  private final Bulk bulk;
  private final Rounds rounds;
  private Size small;

  /** One ledger size's figures; {@code deep} is null when the app refuses {@code before}. */
  private record Size(long rows, Figures first, Figures deep, String deepRefusal) {}

  LedgerPhase(Settings settings, BenchApp app, Bulk bulk, Rounds rounds) {
    this.settings = settings;
    this.app = app;
    this.bulk = bulk;
    this.rounds = rounds;
  }

  /** At the small size; call before the other phases add cases. */
  void measureSmall() {
    bulk.fillLedgerTo(settings.ledgerSmall());
    small = measure(5 * settings.calls());
  }

  List<Row> measureLarge() {
    Benchmark.log("filling the ledger to " + settings.ledgerLarge() + " rows");
    bulk.fillLedgerTo(settings.ledgerLarge());
    Size large = measure(Math.max(2, settings.calls() / 4));
    String sizes = "%,d ledger rows vs %,d".formatted(large.rows(), small.rows());
    Row first = Row.latency("5a", "ledger GET /api/cases?limit=" + LIMIT + ", first page: " + sizes, "calls/s",
        large.first(), small.first(), "≤ 2");
    Row deep = Row.latency("5b", "ledger, a page deep in (before = a case from the middle): " + sizes, "calls/s",
        large.deep(), small.deep(), "≤ 2");
    if (large.deep() == null || small.deep() == null) {
      deep = deep.withNote("n/a: " + (large.deepRefusal() != null ? large.deepRefusal() : small.deepRefusal()));
    }
    return List.of(first, deep);
  }

  /**
   * The first page, then the deep one; one case is added before each timed call, as on a live desk. At the small
   * size the JIT gets more untimed calls, the large size comes at the end of a long run.
   */
  private Size measure(int warmUp) {
    long rows = app.count("SELECT COUNT(*) FROM cases");
    String firstPath = "/api/cases?limit=" + LIMIT;
    Figures first = rounds.sequential(warmUp, settings.calls(), bulk::addCase, () -> page(firstPath));
    // the middle of the ledger in time: the bulk rows are its older part, and the oldest
    long bulkCases = app.count("SELECT COUNT(*) FROM cases WHERE case_no LIKE '" + Bulk.CASE_PREFIX + "%'");
    String middle = Bulk.caseNo(Math.max(1, bulkCases / 2));
    String deepPath = "/api/cases?limit=" + LIMIT + "&before=" + middle;
    Http.Answer probe = app.http.get(BenchApp.AGENT, deepPath);
    if (probe.status() == 400) {
      return new Size(rows, first, null, "the app answers 400 to before: " + probe.json().path("message").asText());
    }
    return new Size(rows, first, rounds.sequential(warmUp, settings.calls(), bulk::addCase, () -> page(deepPath)),
        null);
  }

  private Http.Answer page(String path) {
    Http.Answer a = expect(app.http.get(BenchApp.AGENT, path), 200, "GET " + path);
    if (a.json().size() != LIMIT) {
      throw new IllegalStateException("GET " + path + " returned " + a.json().size() + " cases, not " + LIMIT);
    }
    return a;
  }
}
