package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.AfterSalesTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who sees and works which task, the same whatever the engine keeps to decide it: tasks of every group, tasks
 * claimed or assigned by a manager to someone (of the group or not), a task offered to one person, each in a case
 * of its own. Every desk login reads them through every way in (the task list and count, the Tasklist filters as
 * Tasklist asks them, one task by id, its form's variables, Tasklist's own API) and gets exactly the tasks the
 * table below says; claiming or completing one it may not work is refused and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TaskVisibilityTest extends AfterSalesTest {
  private static final String RETAIN = "retain (agents)";
  private static final String CLAIMED_BY_AGENT2 = "retain claimed by agent2";
  private static final String ASSIGNED_TO_WH1 = "retain assigned to wh1";
  private static final String INSPECTION = "inspection (warehouse)";
  private static final String ASSIGNED_TO_AGENT1 = "inspection assigned to agent1";
  private static final String OFFERED_TO_AGENT2 = "inspection offered to agent2";
  private static final String APPROVAL = "managerApproval (managers)";
  private static final Set<String> ALL = Set.of(RETAIN, CLAIMED_BY_AGENT2, ASSIGNED_TO_WH1, INSPECTION,
      ASSIGNED_TO_AGENT1, OFFERED_TO_AGENT2, APPROVAL);

  /** The tasks each person reads and may work: their groups' tasks and the ones assigned or offered to them. */
  private static final Map<String, Set<String>> SEES = Map.of(
      "agent1", Set.of(RETAIN, CLAIMED_BY_AGENT2, ASSIGNED_TO_WH1, ASSIGNED_TO_AGENT1),
      "agent2", Set.of(RETAIN, CLAIMED_BY_AGENT2, ASSIGNED_TO_WH1, OFFERED_TO_AGENT2),
      "wh1", Set.of(INSPECTION, ASSIGNED_TO_AGENT1, OFFERED_TO_AGENT2, ASSIGNED_TO_WH1),
      "manager1", ALL,
      "analyst1", Set.of(),
      "platform1", Set.of(),
      ADMIN, ALL);

  /** Each filter's tasks among these, before anyone's permissions. */
  private static final Map<String, Set<String>> FILTERS = Map.of(
      "客服待办", Set.of(RETAIN, CLAIMED_BY_AGENT2, ASSIGNED_TO_WH1),
      "仓库验货", Set.of(INSPECTION, ASSIGNED_TO_AGENT1, OFFERED_TO_AGENT2),
      "主管审批", Set.of(APPROVAL),
      OverdueFilter.NAME, ALL);
  private static final Map<String, Set<String>> READS_FILTERS = Map.of(
      "agent1", Set.of("客服待办", OverdueFilter.NAME),
      "agent2", Set.of("客服待办", OverdueFilter.NAME),
      "wh1", Set.of("仓库验货", OverdueFilter.NAME),
      "manager1", FILTERS.keySet(),
      "analyst1", Set.of(),
      "platform1", Set.of(),
      ADMIN, FILTERS.keySet());

  private static final String TASKLIST_SORTING = """
      "processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true""";
  /** The other kind of order Tasklist offers: by a variable of the case. */
  private static final String SORTED_BY_CASE_NUMBER = """
      "sorting":[{"sortBy":"processVariable","sortOrder":"asc","parameters":{"variable":"caseNo","type":"String"}}]""";

  @Autowired OverdueFilter overdue;
  private final Map<String, String> caseOf = new LinkedHashMap<>();
  private final Map<String, String> taskOf = new LinkedHashMap<>();
  private String businessKeys;

  @BeforeAll
  void oneCasePerTask() {
    caseOf.put(RETAIN, returnCaseAt("retain"));
    caseOf.put(CLAIMED_BY_AGENT2, returnCaseAt("retain"));
    caseOf.put(ASSIGNED_TO_WH1, returnCaseAt("retain"));
    caseOf.put(INSPECTION, returnCaseAt("inspection"));
    caseOf.put(ASSIGNED_TO_AGENT1, returnCaseAt("inspection"));
    caseOf.put(OFFERED_TO_AGENT2, returnCaseAt("inspection"));
    caseOf.put(APPROVAL, returnCaseAt("managerApproval"));
    caseOf.forEach((name, caseNo) -> taskOf.put(name, engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(caseNo).singleResult().getId()));
    businessKeys = String.join(",", caseOf.values());

    assertThat(as("agent2", "POST", "/engine-rest/task/" + taskOf.get(CLAIMED_BY_AGENT2) + "/claim",
        "{\"userId\":\"agent2\"}").status()).isEqualTo(204);
    assertThat(as("manager1", "POST", "/engine-rest/task/" + taskOf.get(ASSIGNED_TO_WH1) + "/assignee",
        "{\"userId\":\"wh1\"}").status()).isEqualTo(204);
    assertThat(as("manager1", "POST", "/engine-rest/task/" + taskOf.get(ASSIGNED_TO_AGENT1) + "/assignee",
        "{\"userId\":\"agent1\"}").status()).isEqualTo(204);
    assertThat(as("manager1", "POST", "/engine-rest/task/" + taskOf.get(OFFERED_TO_AGENT2) + "/identity-links",
        "{\"userId\":\"agent2\",\"type\":\"candidate\"}").status()).isEqualTo(204);
  }

  /**
   * What Tasklist sends to list a filter, narrowed to these tasks (other tests' tasks share the database). By id:
   * a filter's extending query keeps no list of business keys.
   */
  private String onlyThese(String query) {
    return "{\"taskIdIn\":[\"" + String.join("\",\"", taskOf.values()) + "\"]," + query + "}";
  }

  private Response as(String user, String method, String path, String body) {
    return send(method, path, body, user, ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD, "application/json");
  }

  private Set<String> named(JsonNode tasks) {
    Set<String> names = new TreeSet<>();
    tasks.forEach(t -> taskOf.forEach((name, id) -> {
      if (id.equals(t.path("id").asText())) names.add(name);
    }));
    return names;
  }

  private Set<String> expected(String user, Set<String> among) {
    return among.stream().filter(SEES.get(user)::contains).collect(Collectors.toCollection(TreeSet::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent1", "agent2", "wh1", "manager1", "analyst1", "platform1", ADMIN})
  @Order(1)
  void everyoneListsAndCountsExactlyTheTasksTheyMayRead(String user) {
    Response list = as(user, "GET", "/engine-rest/task?processInstanceBusinessKeyIn=" + businessKeys, null);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(named(list.json())).as(user + " GET /task").isEqualTo(expected(user, ALL));

    Response posted = as(user, "POST", "/engine-rest/task",
        "{\"processInstanceBusinessKeyIn\":[\"" + String.join("\",\"", caseOf.values()) + "\"]}");
    assertThat(named(posted.json())).as(user + " POST /task").isEqualTo(expected(user, ALL));

    Response count = as(user, "GET", "/engine-rest/task/count?processInstanceBusinessKeyIn=" + businessKeys, null);
    assertThat(count.json().path("count").asInt()).as(user + " GET /task/count").isEqualTo(SEES.get(user).size());

    // the queue as agents open it: the group's tasks nobody has claimed
    Response queue = as(user, "GET", "/engine-rest/task?candidateGroup=agents&firstResult=0&maxResults=15"
        + "&processInstanceBusinessKeyIn=" + businessKeys, null);
    assertThat(named(queue.json())).as(user + " the agents' queue").isEqualTo(expected(user, Set.of(RETAIN)));

    // and without narrowing to these cases: none of these tasks the person may not read is among the others
    Response everything = as(user, "GET", "/engine-rest/task?maxResults=100000", null);
    Set<String> seen = named(everything.json());
    assertThat(seen).as(user + " GET /task, all cases").isEqualTo(expected(user, ALL));
    assertThat(as(user, "GET", "/engine-rest/task/count", null).json().path("count").asInt())
        .as(user + " GET /task/count, all cases").isEqualTo(everything.json().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent1", "agent2", "wh1", "manager1", "analyst1", "platform1", ADMIN})
  @Order(2)
  void oneTaskAndItsFormAreReadOnlyByThoseWhoMayReadIt(String user) {
    taskOf.forEach((name, id) -> {
      boolean may = SEES.get(user).contains(name);
      Response task = as(user, "GET", "/engine-rest/task/" + id, null);
      Response form = as(user, "GET", "/engine-rest/task/" + id + "/form-variables", null);
      Response links = as(user, "GET", "/engine-rest/task/" + id + "/identity-links", null);
      if (may) {
        assertThat(task.status()).as(user + " reads " + name + ": " + task.body()).isEqualTo(200);
        assertThat(task.json().path("id").asText()).isEqualTo(id);
        assertThat(form.status()).as(user + " reads the form of " + name + ": " + form.body()).isEqualTo(200);
        assertThat(form.json().path("caseNo").path("value").asText()).isEqualTo(caseOf.get(name));
        assertThat(links.status()).as(user + " reads who " + name + " is for").isEqualTo(200);
      } else {
        assertThat(task.status()).as(user + " may not read " + name + ": " + task.body()).isIn(403, 404);
        assertThat(form.status()).as(user + " may not read the form of " + name + ": " + form.body()).isIn(403, 404);
        assertThat(links.status()).as(user + " may not read who " + name + " is for").isIn(403, 404);
      }
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent1", "agent2", "wh1", "manager1", "analyst1", "platform1", ADMIN})
  @Order(3)
  void eachTasklistFilterShowsTheTasksOfItsGroupThePersonMayRead(String user) {
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofDays(3).toMillis()));
    overdue.refresh();
    try {
      for (String filterName : FILTERS.keySet()) {
        String filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
        String extending = onlyThese(TASKLIST_SORTING);
        Response list = send("POST", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", extending,
            user, ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD, "application/hal+json");
        Response count = as(user, "POST", "/engine-rest/filter/" + filter + "/count", extending);
        if (!READS_FILTERS.get(user).contains(filterName)) {
          assertThat(list.status()).as(user + " may not open " + filterName + ": " + list.body()).isEqualTo(403);
          assertThat(count.status()).as(user + " may not count " + filterName).isEqualTo(403);
          continue;
        }
        assertThat(list.status()).as(user + " opens " + filterName + ": " + list.body()).isEqualTo(200);
        JsonNode tasks = list.json().path("_embedded").path("task");
        Set<String> want = expected(user, FILTERS.get(filterName));
        assertThat(named(tasks)).as(user + " in " + filterName).isEqualTo(want);
        assertThat(count.json().path("count").asInt()).as(user + " counts " + filterName).isEqualTo(want.size());
        Response byCase = send("POST", "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
            onlyThese(SORTED_BY_CASE_NUMBER), user, ADMIN.equals(user) ? ADMIN_PASSWORD : USER_PASSWORD, "application/json");
        assertThat(named(byCase.json())).as(user + " in " + filterName + " by case number").isEqualTo(want);
        // and the whole filter, all cases: as many as it counts, these among them
        Response whole = as(user, "POST", "/engine-rest/filter/" + filter + "/list", "{}");
        assertThat(named(whole.json())).as(user + " in " + filterName + ", all cases").isEqualTo(want);
        assertThat(as(user, "GET", "/engine-rest/filter/" + filter + "/count", null).json().path("count").asInt())
            .as(user + " counts " + filterName + ", all cases").isEqualTo(whole.json().size());
        // the filter's columns: the case number written on each task
        tasks.forEach(t -> assertThat(t.path("_embedded").path("variable").toString())
            .as(user + " sees the case number of " + t.path("name").asText()).contains("\"caseNo\""));
      }
    } finally {
      ClockUtil.reset();
      overdue.refresh();
    }
  }

  @Test
  @Order(4)
  void tasklistsOwnApiListsTheSameTasks() {
    for (String user : List.of("agent1", "wh1")) {
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.login("tasklist", user, USER_PASSWORD).status()).isEqualTo(200);
      String filterName = user.equals("agent1") ? "客服待办" : "仓库验货";
      String filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult().getId();
      WebappSession.Reply list = tasklist.post("/camunda/api/engine/engine/default/filter/" + filter
          + "/list?firstResult=0&maxResults=15", onlyThese(TASKLIST_SORTING));
      assertThat(list.status()).as(list.body()).isEqualTo(200);
      JsonNode body = new Response(list.status(), list.body(), json).json();
      assertThat(named(body.isArray() ? body : body.path("_embedded").path("task")))
          .as(user + " in " + filterName + " through Tasklist").isEqualTo(expected(user, FILTERS.get(filterName)));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"agent1", "agent2", "wh1", "analyst1", "platform1"})
  @Order(5)
  void nobodyClaimsOrCompletesATaskTheyMayNotRead(String user) {
    for (String name : ALL) {
      if (SEES.get(user).contains(name)) continue;
      String caseNo = caseOf.get(name);
      String id = taskOf.get(name);
      CaseState before = CaseState.of(engine, jdbc, caseNo);
      Response claim = as(user, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
      assertThat(claim.status()).as(user + " claims " + name + ": " + claim.body()).isIn(403, 404);
      Response complete = as(user, "POST", "/engine-rest/task/" + id + "/complete", "{\"variables\":" + formOf(name) + "}");
      assertThat(complete.status()).as(user + " completes " + name + ": " + complete.body()).isIn(403, 404);
      assertThat(CaseState.of(engine, jdbc, caseNo)).as(user + " changed nothing of " + name).isEqualTo(before);
    }
  }

  private static String formOf(String name) {
    if (name.startsWith("inspection")) {
      return "{\"inspectionPassed\":{\"value\":true},\"disposition\":{\"value\":\"RESTOCK\"}}";
    }
    return name.startsWith("managerApproval") ? "{\"approved\":{\"value\":false}}" : "{\"retained\":{\"value\":false}}";
  }

  /** Last: these change the cases. Each person works a task that is theirs through the group, a claim, an assignment or an offer. */
  @Test
  @Order(6)
  void everyoneWorksTheTasksThatAreTheirs() {
    Map<String, String> worker = Map.of(RETAIN, "agent1", ASSIGNED_TO_WH1, "wh1", ASSIGNED_TO_AGENT1, "agent1",
        OFFERED_TO_AGENT2, "agent2", INSPECTION, "wh1", APPROVAL, "manager1", CLAIMED_BY_AGENT2, "agent2");
    worker.forEach((name, user) -> {
      String id = taskOf.get(name);
      if (engine.getTaskService().createTaskQuery().taskId(id).singleResult().getAssignee() == null) {
        Response claim = as(user, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}");
        assertThat(claim.status()).as(user + " claims " + name + ": " + claim.body()).isEqualTo(204);
      }
      Response complete = as(user, "POST", "/engine-rest/task/" + id + "/complete", "{\"variables\":" + formOf(name) + "}");
      assertThat(complete.status()).as(user + " completes " + name + ": " + complete.body()).isEqualTo(204);
      assertThat(engine.getTaskService().createTaskQuery().taskId(id).count()).as(name + " done").isZero();
    });
  }
}
