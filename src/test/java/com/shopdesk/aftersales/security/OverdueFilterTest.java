package com.shopdesk.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import com.shopdesk.aftersales.cases.CaseIntake;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared filters agents, warehouse staff and managers open in Tasklist. */
class OverdueFilterTest extends AfterSalesTest {
  @Autowired OverdueFilter overdue;

  private List<String> overdueTaskIds() {
    Filter filter = engine.getFilterService().createFilterQuery().filterName("已超时").singleResult();
    return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
  }

  @Test
  void aTaskAppearsUnderOverdueOnceItsDueDateHasPassed() {
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
    CaseIntake.Opened opened = openRefundOnly(orderNo, "300.00");
    runDueJobs(opened.processInstanceId());
    String agree = engine.getTaskService().createTaskQuery().processInstanceId(opened.processInstanceId())
        .singleResult().getId();

    overdue.refresh();
    assertThat(overdueTaskIds()).doesNotContain(agree);

    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(25).toMillis()));
    overdue.refresh();
    assertThat(overdueTaskIds()).contains(agree);
  }

  @Test
  void theDeskFiltersExistOnceAndTheRightGroupsMayReadThem() {
    for (String name : new String[] {"客服待办", "仓库验货", "主管审批", "已超时"}) {
      assertThat(engine.getFilterService().createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    Filter agents = engine.getFilterService().createFilterQuery().filterName("客服待办").singleResult();
    var auth = engine.getAuthorizationService();
    assertThat(auth.isUserAuthorized("agent1", List.of("agents"), Permissions.READ,
        Resources.FILTER, agents.getId())).isTrue();
    assertThat(auth.isUserAuthorized("wh1", List.of("warehouse"), Permissions.READ,
        Resources.FILTER, agents.getId())).isFalse();
  }
}
