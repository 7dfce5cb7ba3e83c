package com.shopdesk.aftersales.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at tiny counts on H2, so it never rots: every row is there with positive figures, and the project
 * side really did its work. Times and ratios are never asserted: they are the benchmark's to report.
 */
class BenchmarkSmokeTest {
  private static final List<String> ROWS = List.of("0", "1/4", "1/32", "2", "3", "3b", "4a", "4b", "6a", "6b", "6c", "6d",
      "6e", "6f", "6g", "6h", "5a", "5b");

  @Test
  void everyPhaseRunsAndDoesItsWork() throws Exception {
    Settings settings = Settings.smoke(Settings.Database.H2);
    SoftAssertions soft = new SoftAssertions();
    Benchmark.Result result = Benchmark.run(settings, app -> checkWorkDone(settings, app, soft));

    assertThat(result.rows()).extracting(Row::id).containsExactlyElementsOf(ROWS);
    for (Row row : result.rows()) {
      soft.assertThat(result.markdown()).as("the table").contains("| " + row.id() + ". " + row.work() + " |");
      boolean bareOnly = row.id().equals("0");
      boolean optional = row.id().equals("5b") && row.note() != null && row.note().startsWith("n/a");
      if (!bareOnly && !optional) {
        positive(soft, row.id() + " project", row.project());
      }
      if (!optional) {
        positive(soft, row.id() + " bare", row.bare());
      }
    }
    soft.assertThat(result.memory().peakResidentMib()).as("peak resident set").isPositive();
    soft.assertThat(result.memory().maxHeapMib()).as("max heap").isPositive();
    soft.assertAll();
  }

  private static void positive(SoftAssertions soft, String what, Figures f) {
    soft.assertThat(f).as(what).isNotNull();
    if (f == null) return;
    if (!what.startsWith("3b")) { // 3b has latencies only: its cases ran inside the storm
      soft.assertThat(f.rate()).as(what + " rate").isPositive();
      soft.assertThat(f.sqlPerOp()).as(what + " SQL per operation").isPositive();
    }
    soft.assertThat(f.p50()).as(what + " p50").isPositive();
    soft.assertThat(f.p95()).as(what + " p95").isPositive();
  }

  /** What the project side did, read in the app's database before it closes. */
  private static void checkWorkDone(Settings s, BenchApp app, SoftAssertions soft) {
    int autoRefunds = s.rounds() * s.endToEndPerRound() + 2 * s.duringStorm();
    List<Map<String, Object>> refunded = app.sql.queryForList("""
        SELECT c.case_no, c.status, c.resolution, (SELECT COUNT(*) FROM refunds r WHERE r.case_no = c.case_no) AS paid
        FROM cases c WHERE c.opened_by = ? AND c.amount = 128.00""", BenchApp.AGENT);
    soft.assertThat(refunded).as("auto-refunded cases (the warm-up's too)").hasSizeGreaterThanOrEqualTo(autoRefunds);
    soft.assertThat(refunded).as("auto-refunded cases not CLOSED/REFUNDED with one refund").filteredOn(c ->
        !"CLOSED".equals(c.get("status")) || !"REFUNDED".equals(c.get("resolution"))
            || ((Number) c.get("paid")).intValue() != 1).isEmpty();

    long intake = app.count("SELECT COUNT(*) FROM cases WHERE opened_by = ? AND amount = 300.00", BenchApp.AGENT);
    soft.assertThat(intake).as("intake cases").isGreaterThanOrEqualTo(2L * s.rounds() * s.intakePerRound());
    soft.assertThat(app.count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ?", IntakePhase.PROJECT_TASK))
        .as("同意退款 tasks, one per intake case").isEqualTo(intake);

    soft.assertThat(app.count("""
        SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = 'pickup-watch' AND JOB_STATE_ = 2
        AND JOB_DEF_TYPE_ = 'timer-intermediate-transition'""")).as("pickup timers fired").isEqualTo(s.timers());
    soft.assertThat(app.count("""
        SELECT COUNT(*) FROM ACT_HI_VARINST V JOIN ACT_HI_PROCINST P ON P.ID_ = V.PROC_INST_ID_
        WHERE P.PROC_DEF_KEY_ = 'pickup-watch' AND P.END_TIME_ IS NOT NULL AND V.NAME_ = 'pickedUp' AND V.LONG_ = 0"""))
        .as("pickup watches ended not picked up").isEqualTo(s.timers());
    soft.assertThat(app.count("SELECT COUNT(*) FROM case_timeline WHERE case_no LIKE '" + Bulk.CASE_PREFIX
        + "%' AND text LIKE '查询物流%'"))
        .as("courier queries on the watched cases' timelines").isEqualTo(s.timers());
    soft.assertThat(app.count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE TASK_DEF_KEY_ = ?", BareProcess.TIMER_TASK_KEY))
        .as("bare timers fired into tasks").isEqualTo(s.timers());

    soft.assertThat(new Bulk(app, s.database()).openAgentTasks()).as("open agents' tasks")
        .isGreaterThanOrEqualTo(s.openTasks());
    soft.assertThat(app.count("SELECT COUNT(*) FROM cases")).as("ledger rows").isGreaterThanOrEqualTo(s.ledgerLarge());
    soft.assertThat(app.count("SELECT COUNT(*) FROM refunds WHERE case_no LIKE '" + Bulk.CASE_PREFIX + "%'"))
        .as("refunds of the desk's historic cases").isGreaterThanOrEqualTo(s.deskCases() - s.ledgerSmall());
  }
}
