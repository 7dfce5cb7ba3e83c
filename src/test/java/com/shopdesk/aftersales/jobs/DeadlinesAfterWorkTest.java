package com.shopdesk.aftersales.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/** Deadlines falling due together wait behind the next step of a case that is under way. */
class DeadlinesAfterWorkTest extends AfterSalesTest {

  @Test
  void aNewCasesNextStepIsTakenBeforeDeadlinesThatFellDueEarlier() {
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String orderNo = newOrderNo();
      importOrder(orderNo, "UNSHIPPED", null, "300.00", 1);
      String caseNo = openCaseThroughApi("""
          {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(orderNo));
      runDueJobsOfCase(caseNo);
      waiting.add(task(caseNo, "agreeRefund").getProcessInstanceId());
    }
    List<Job> deadlines = waiting.stream().flatMap(id -> engine.getManagementService().createJobQuery()
        .processInstanceId(id).timers().list().stream()).toList();
    assertThat(deadlines).hasSizeGreaterThanOrEqualTo(3)
        .allSatisfy(timer -> assertThat(timer.getPriority()).isEqualTo(DeadlinesAfterWork.DEADLINE_PRIORITY));

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(3))));
    String orderNo = newOrderNo();
    importOrder(orderNo, "UNSHIPPED", null, "50.00", 1);
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"REFUND_ONLY","reason":"PERSONAL"}""".formatted(orderNo));
    String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
        .singleResult().getId();
    Job nextStep = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    assertThat(nextStep.getPriority()).isZero();

    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
        .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 1));
    String first = acquired.getJobIdBatches().get(0).get(0);
    assertThat(engine.getManagementService().createJobQuery().jobId(first).singleResult().getPriority())
        .as("the first job taken").isZero();
    assertThat(deadlines).extracting(Job::getId).doesNotContain(first);
  }
}
