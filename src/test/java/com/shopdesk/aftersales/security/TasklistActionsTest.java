package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import org.junit.jupiter.api.Test;

/**
 * Cases open through the product API only: Tasklist offers 创建任务 to nobody and 启动流程 only to those who may
 * start 修改售后申请, the one process with a start form; the configuration drops the start-process shortcut.
 * (What each role sees is in TasklistHeaderBrowserTest.)
 */
class TasklistActionsTest extends AfterSalesTest {

  @Test
  void tasklistIsServedTheStylesThatHideCreateTaskAndStartProcessForThoseWhoMayStartNothing() {
    Response css = send("GET", "/camunda/app/tasklist/styles/user-styles.css", null, null, null);

    assertThat(css.status()).isEqualTo(200);
    assertThat(css.body().replaceAll("\\s+", " "))
        .contains(".start-process-action:not(.desk-may-start), .create-task-action { display: none !important; }");
    Response config = send("GET", "/camunda/app/tasklist/scripts/config.js", null, null, null);
    assertThat(config.body()).contains("'scripts/start-process-for-starters'");
  }

  @Test
  void noShortcutOpensTheStartProcessDialog() {
    Response config = send("GET", "/camunda/app/tasklist/scripts/config.js", null, null, null);

    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).contains("shortcuts").doesNotContain("startProcess");
  }

  @Test
  void agentsMayNeitherStartProcessesNorCreateTasksAnyway() {
    long interceptions = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("interception").count();
    Response start = send("POST", "/engine-rest/process-definition/key/interception/start", "{}", "agent1", USER_PASSWORD);
    Response create = send("POST", "/engine-rest/task/create", "{\"name\":\"free task\"}", "agent1", USER_PASSWORD);

    // agents do not even see the process definitions (404), let alone start one
    assertThat(start.status()).as(start.body()).isIn(403, 404);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("interception").count())
        .isEqualTo(interceptions);
    assertThat(create.status()).as(create.body()).isEqualTo(403);
    assertThat(engine.getTaskService().createTaskQuery().taskName("free task").count()).isZero();
  }
}
