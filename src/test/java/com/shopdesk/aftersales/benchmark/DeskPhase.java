package com.shopdesk.aftersales.benchmark;

import com.shopdesk.aftersales.desk.CaseStory;
import com.shopdesk.aftersales.desk.DayFigures;
import com.shopdesk.aftersales.desk.DeadlineBoard;
import com.shopdesk.aftersales.security.DeskGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * The managers' desk (phase 6): the queries behind Cockpit's 售后工作台 (desk/), called in-process as a manager (the
 * engine's authorization checks included), at a small desk and at {@link Settings#deskCases} historic cases, each
 * with its refund, its order's buyer and a parcel with a tracking number; measured after the loaded queue, so
 * 100,000 open tasks are there too. The budget: each query's p95 under {@link #BUDGET_MS} ms at the large size.
 */
final class DeskPhase {
  static final int BUDGET_MS = 500;
  private static final String MANAGER = "benchmanager";
  private final Settings settings;
  private final BenchApp app;
  private final Bulk bulk;
  private final Rounds rounds;
  private final CaseStory stories;
  private final DeadlineBoard board;
  private final DayFigures figures;
  private Map<String, Figures> small;
  private long smallCases;

  DeskPhase(Settings settings, BenchApp app, Bulk bulk, Rounds rounds) {
    this.settings = settings;
    this.app = app;
    this.bulk = bulk;
    this.rounds = rounds;
    this.stories = app.context.getBean(CaseStory.class);
    this.board = app.context.getBean(DeadlineBoard.class);
    this.figures = app.context.getBean(DayFigures.class);
  }

  /** At the small desk; call right after the small ledger is measured. */
  void measureSmall() {
    smallCases = app.count("SELECT COUNT(*) FROM cases");
    small = measure(5 * settings.calls());
  }

  List<Row> measureLarge() {
    Benchmark.log("filling the ledger to " + settings.deskCases() + " cases for the desk");
    bulk.fillLedgerTo(settings.deskCases());
    long cases = app.count("SELECT COUNT(*) FROM cases");
    Map<String, Figures> large = measure(Math.max(2, settings.calls() / 4));
    String sizes = "%,d cases vs %,d".formatted(cases, smallCases);
    List<Row> rows = new ArrayList<>();
    char id = 'a';
    for (var entry : large.entrySet()) {
      rows.add(Row.latency("6" + id++, "desk: " + entry.getKey() + ": " + sizes, "calls/s", entry.getValue(),
          small.get(entry.getKey()), "p95 ≤ " + BUDGET_MS + " ms")
          .withNote(entry.getValue().p95() <= BUDGET_MS ? null : "over the budget"));
    }
    return rows;
  }

  private Map<String, Figures> measure(int warmUp) {
    bulk.giveBulkCasesTheirTraces();
    String bulkCase = Bulk.caseNo(Math.max(1, bulkCount() / 2));
    String bulkOrder = app.sql.queryForObject("SELECT order_no FROM cases WHERE case_no = ?", String.class, bulkCase);
    String realCase = app.sql.queryForObject("SELECT case_no FROM cases WHERE status = 'CLOSED' AND case_no NOT LIKE '"
        + Bulk.CASE_PREFIX + "%' ORDER BY opened_at DESC LIMIT 1", String.class);
    Map<String, Supplier<Object>> queries = new LinkedHashMap<>();
    queries.put("find by case number", () -> found(stories.find(bulkCase, DeadlineBoard.LIST_LIMIT)));
    queries.put("find by order number", () -> found(stories.find(bulkOrder, DeadlineBoard.LIST_LIMIT)));
    queries.put("find by buyer", () -> found(stories.find(Bulk.buyerOf(bulkOrder), DeadlineBoard.LIST_LIMIT)));
    queries.put("find by tracking number",
        () -> found(stories.find(Bulk.trackingOf(bulkOrder), DeadlineBoard.LIST_LIMIT)));
    queries.put("a closed case's story (" + realCase + ")", () -> stories.of(realCase).orElseThrow());
    queries.put("the deadline board", board::board);
    queries.put("today's money and work", figures::today);
    queries.put("the open cases behind a process's count", () -> board.openCases("interception"));
    IdentityService identity = app.engine.getIdentityService();
    Map<String, Figures> measured = new LinkedHashMap<>();
    identity.setAuthentication(MANAGER, List.of(DeskGroups.MANAGERS));
    try {
      queries.forEach((name, query) -> measured.put(name.replaceFirst(" \\(.*\\)", ""),
          rounds.inProcess(warmUp, settings.calls(), bulk::addCase, query)));
    } finally {
      identity.clearAuthentication();
    }
    return measured;
  }

  private long bulkCount() {
    return app.count("SELECT COUNT(*) FROM cases WHERE case_no LIKE '" + Bulk.CASE_PREFIX + "%'");
  }

  private static Object found(List<CaseStory.Found> cases) {
    if (cases.isEmpty()) {
      throw new IllegalStateException("the desk found no case");
    }
    return cases;
  }
}
