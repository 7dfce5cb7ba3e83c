package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.shopdesk.aftersales.AfterSalesTest;

/**
 * CVE-2026-109432: an expression inside a task query's {@code orQueries} ran any bean. Attacked as an agent
 * through every query entry (engine REST, the filters, Tasklist's own session API) and as the admin storing a
 * filter, with every expression field the REST API takes; the probe bean counts any evaluation.
 */
class QueryExpressionTest extends AfterSalesTest {
  private static final String EXPRESSION = "${expressionProbe.hit()}";

  @Autowired ExpressionProbe probe;
  private String agentsFilter;
  private int callsBefore;

  /** Every "…Expression" criterion of the REST API's task query, as its JSON property. */
  static List<String> expressionFields() {
    return Arrays.stream(TaskQueryDto.class.getMethods())
        .map(Method::getName)
        .filter(name -> name.startsWith("set") && name.endsWith("Expression"))
        .map(name -> Character.toLowerCase(name.charAt(3)) + name.substring(4))
        .sorted().toList();
  }

  @BeforeEach
  void remember() {
    agentsFilter = engine.getFilterService().createFilterQuery().filterName("客服待办").singleResult().getId();
    callsBefore = probe.calls();
  }

  private static String orQuery(String field) {
    return "{\"orQueries\":[{\"" + field + "\":\"" + EXPRESSION + "\"}]}";
  }

  private void assertRefused(Response r, String where) {
    assertThat(r.status()).as(where + ": " + r.body()).isEqualTo(400);
    assertThat(r.body()).as(where).contains("Expressions are not allowed");
    assertThat(probe.calls()).as(where + " evaluated nothing").isEqualTo(callsBefore);
  }

  @Test
  void thereAreExpressionFieldsToTry() {
    assertThat(expressionFields()).hasSizeGreaterThanOrEqualTo(20).contains("assigneeExpression",
        "candidateGroupsExpression", "dueBeforeExpression", "processInstanceBusinessKeyExpression");
  }

  @ParameterizedTest
  @MethodSource("expressionFields")
  void anAgentsOrQueryExpressionIsRefusedOnTheEngineRestApi(String field) {
    assertRefused(send("POST", "/engine-rest/task", orQuery(field), "agent1", USER_PASSWORD), "/task " + field);
    assertRefused(send("POST", "/engine-rest/task/count", orQuery(field), "agent1", USER_PASSWORD),
        "/task/count " + field);
    assertRefused(send("POST", "/engine-rest/filter/" + agentsFilter + "/list", orQuery(field), "agent1",
        USER_PASSWORD), "/filter/{id}/list " + field);
    assertRefused(send("POST", "/engine-rest/filter/" + agentsFilter + "/count", orQuery(field), "agent1",
        USER_PASSWORD), "/filter/{id}/count " + field);
  }

  @ParameterizedTest
  @MethodSource("expressionFields")
  void anAgentsOrQueryExpressionIsRefusedOnTasklistsOwnApi(String field) {
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "agent1", USER_PASSWORD).status()).isEqualTo(200);
    String engineApi = "/camunda/api/engine/engine/default";
    for (String path : List.of("/task", "/task/count", "/filter/" + agentsFilter + "/list",
        "/filter/" + agentsFilter + "/count")) {
      WebappSession.Reply r = tasklist.post(engineApi + path, orQuery(field));
      assertRefused(new Response(r.status(), r.body(), json), "Tasklist " + path + " " + field);
    }
  }

  @Test
  void topLevelExpressionsAreRefusedToo() {
    assertRefused(send("GET", "/engine-rest/task?assigneeExpression=%24%7BexpressionProbe.hit()%7D", null,
        "agent1", USER_PASSWORD), "GET /task");
    assertRefused(send("POST", "/engine-rest/task", "{\"assigneeExpression\":\"" + EXPRESSION + "\"}", "agent1",
        USER_PASSWORD), "POST /task");
  }

  @Test
  void evenTheAdminCannotStoreAFilterWithAnExpressionInAnOrQuery() {
    long filters = engine.getFilterService().createFilterQuery().count();
    assertRefused(send("POST", "/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":"
        + orQuery("assigneeExpression") + "}", ADMIN, ADMIN_PASSWORD), "filter/create");

    Filter mine = engine.getFilterService().saveFilter(engine.getFilterService().newTaskFilter("harmless-" + UUID.randomUUID())
        .setQuery(engine.getTaskService().createTaskQuery().taskCandidateGroup("agents")));
    assertRefused(send("PUT", "/engine-rest/filter/" + mine.getId(), "{\"resourceType\":\"Task\",\"name\":\"evil\","
        + "\"query\":" + orQuery("candidateUserExpression") + "}", ADMIN, ADMIN_PASSWORD), "filter update");
    assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters + 1);
    assertThat(engine.getFilterService().getFilter(mine.getId()).getName()).startsWith("harmless-");
    engine.getFilterService().deleteFilter(mine.getId());
  }

  /** A filter someone stored before the guard existed (written straight into the engine's table). */
  @Test
  void aStoredFilterWithAnExpressionNeverRuns() {
    String id = UUID.randomUUID().toString();
    jdbc.update("INSERT INTO ACT_RU_FILTER (ID_, REV_, RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, PROPERTIES_) "
        + "VALUES (?, 1, 'Task', 'legacy', NULL, ?, '{}')", id,
        "{\"orQueries\":[{\"taskAssigneeExpression\":\"" + EXPRESSION + "\"}]}");
    Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("agents");
    read.setResource(Resources.FILTER);
    read.setResourceId(id);
    read.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(read);
    try {
      assertRefused(send("GET", "/engine-rest/filter/" + id + "/list", null, "agent1", USER_PASSWORD), "legacy list");
      assertRefused(send("GET", "/engine-rest/filter/" + id + "/count", null, "agent1", USER_PASSWORD), "legacy count");
      WebappSession tasklist = new WebappSession(port);
      tasklist.login("tasklist", "agent1", USER_PASSWORD);
      WebappSession.Reply r = tasklist.get("/camunda/api/engine/engine/default/filter/" + id + "/list");
      assertRefused(new Response(r.status(), r.body(), json), "legacy list in Tasklist");
    } finally {
      engine.getAuthorizationService().deleteAuthorization(read.getId());
      jdbc.update("DELETE FROM ACT_RU_FILTER WHERE ID_ = ?", id);
    }
  }

  @Test
  void theDesksOwnFiltersStillWork() {
    Response r = send("POST", "/engine-rest/filter/" + agentsFilter + "/list", "{}", "agent1", USER_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Response count = send("GET", "/engine-rest/filter/" + agentsFilter + "/count", null, "agent1", USER_PASSWORD);
    assertThat(count.status()).as(count.body()).isEqualTo(200);
  }
}
