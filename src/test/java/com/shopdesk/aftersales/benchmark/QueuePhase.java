package com.shopdesk.aftersales.benchmark;

import static com.shopdesk.aftersales.benchmark.Http.expect;

import java.util.List;
import java.util.Map;

/**
 * The agents' queue (phase 4), as an agent over HTTP, on an empty desk and again with many open agents' tasks:
 * <ul>
 *   <li>{@code GET /task?candidateGroup=agents&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15}, what an
 *       API client or a custom queue page sends;</li>
 *   <li>the Tasklist filter 客服待办 as Tasklist itself asks for it: {@code POST /filter/{id}/list?firstResult=0&
 *       maxResults=15}, the body its task list sends (the search lists, paging, newest first, active) and
 *       {@code Accept: application/hal+json}, so the filter's columns (case, order, amount) come embedded.</li>
 * </ul>
 * The open tasks are made in bulk in-process: instances of a bare process whose user task has candidate group
 * agents (the app's task listener writes its context on each, as on the desk's own tasks).
 */
final class QueuePhase {
  static final String FILTER = "客服待办";
  private static final String TASKLIST_BODY = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"firstResult":0,"maxResults":15,\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";
  private final Settings settings;
  private final BenchApp app;
  private final Bulk bulk;
  private final Rounds rounds;
  private final String filterId;
  private long emptyCount = -1;
  private Figures emptyTasks;
  private Figures emptyFilter;

  QueuePhase(Settings settings, BenchApp app, Bulk bulk, Rounds rounds) {
    this.settings = settings;
    this.app = app;
    this.bulk = bulk;
    this.rounds = rounds;
    this.filterId = app.engine.getFilterService().createFilterQuery().filterName(FILTER).singleResult().getId();
  }

  /**
   * Before anything opened a task (the JIT warmed up by other work first, and by more untimed calls here than at
   * the large size). A live desk gets new tasks all the time: one is opened before each timed call, so "empty"
   * ends with as many open tasks as there were timed calls.
   */
  void measureEmpty() {
    emptyCount = bulk.openAgentTasks();
    emptyTasks = rounds.sequential(5 * settings.calls(), settings.calls(), bulk::openAgentTask, this::taskQuery);
    emptyFilter = rounds.sequential(5 * settings.calls(), settings.calls(), bulk::openAgentTask, this::filterList);
  }

  List<Row> measureLoaded() {
    int target = settings.openTasks();
    long missing = target - bulk.openAgentTasks();
    if (missing > 0) {
      Benchmark.log("opening " + missing + " more agents' tasks");
      bulk.start(BareProcess.OPEN_TASK, (int) missing, i -> "BARE-OPEN-" + i, i -> Map.of("caseNo", "BARE-OPEN-" + i,
          "orderNo", "BARE-OPEN-" + i));
    }
    long open = bulk.openAgentTasks();
    int warmUp = Math.max(2, settings.calls() / 4);
    Figures tasks = rounds.sequential(warmUp, settings.calls(), bulk::openAgentTask, this::taskQuery);
    bulk.openAgentTask();
    double firstFilterMillis = filterList().nanos() / 1e6; // counts every open task: nobody counted them just now
    Figures filter = rounds.sequential(warmUp, settings.calls(), bulk::openAgentTask, this::filterList);
    String sizes = "%,d open agents' tasks vs %,d".formatted(open, emptyCount);
    return List.of(
        Row.latency("4a", "agents' queue GET /task (15 newest of group agents): " + sizes, "calls/s", tasks,
            emptyTasks, "≤ 3"),
        Row.latency("4b", "Tasklist filter " + FILTER + " (POST /filter/{id}/list, HAL): " + sizes, "calls/s",
            filter, emptyFilter, "≤ 3").withNote(("a count of 1,000 tasks or more is shared for "
            + "aftersales.tasks.large-counts-shared-for (10 s); the first call at %,d tasks, which counted them: "
            + "%,.0f ms").formatted(open, firstFilterMillis)));
  }

  private Http.Answer taskQuery() {
    Http.Answer a = expect(app.http.get(BenchApp.AGENT, app.engineRest
        + "/task?candidateGroup=agents&sortBy=created&sortOrder=desc&firstResult=0&maxResults=15"), 200,
        "the agents' task query");
    checkPage(a.json().size(), "GET /task");
    return a;
  }

  private Http.Answer filterList() {
    Http.Answer a = expect(app.http.send(BenchApp.AGENT, "POST", app.engineRest + "/filter/" + filterId
        + "/list?firstResult=0&maxResults=15", TASKLIST_BODY, Http.HAL), 200, "the filter " + FILTER);
    checkPage(a.json().path("_embedded").path("task").size(), "the filter " + FILTER);
    return a;
  }

  /** The agent sees a full page, or every open task when there are fewer: the query found them, not nothing. */
  private void checkPage(int size, String what) {
    if (size > 15 || size < 15 && size != bulk.openAgentTasks()) {
      throw new IllegalStateException(what + " returned " + size + " tasks of " + bulk.openAgentTasks() + " open");
    }
  }
}
