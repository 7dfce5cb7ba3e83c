package com.shopdesk.aftersales.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupHelper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * README, "Operations" → "History": a case's history is kept {@value #PROCESS_DAYS} days after the case ends and
 * then removed by Camunda's history cleanup in the night window; a case still open keeps all of its history.
 * <p>
 * Cleanup removes every ended instance past its removal time, those of other test classes too; they assert on
 * history only within their own test methods.
 */
class HistoryCleanupTest extends AfterSalesTest {
  private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
  private static final int PROCESS_DAYS = 180;
  private static final int DECISION_DAYS = 365;

  @Autowired Environment environment;

  @Test
  void theEngineCleansAtNightInTheShopsTimeCountingFromTheEndOfTheCase() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00+0800");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00+0800");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(ParseUtil.parseHistoryTimeToLive(configuration.getHistoryTimeToLive())).isEqualTo(PROCESS_DAYS);
    assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
    assertThat(configuration.getBatchOperationHistoryTimeToLive()).isEqualTo("P180D");
    assertThat(configuration.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");

    // the engine's own reading of the window, in whatever time zone this JVM runs
    BatchWindow window = configuration.getBatchWindowManager().getNextBatchWindow(new Date(), configuration);
    assertThat(window.getStart().toInstant().atZone(SHOP_ZONE).toLocalTime()).isEqualTo(LocalTime.of(1, 0));
    assertThat(window.getEnd().toInstant().atZone(SHOP_ZONE).toLocalTime()).isEqualTo(LocalTime.of(5, 0));
    assertThat(Duration.between(window.getStart().toInstant(), window.getEnd().toInstant())).hasHours(4);
    // and the cleanup job it keeps is due inside it
    List<Job> cleanupJobs = engine.getHistoryService().findHistoryCleanupJobs();
    assertThat(cleanupJobs).isNotEmpty().allSatisfy(job ->
        assertThat(HistoryCleanupHelper.isWithinBatchWindow(job.getDuedate(), configuration)).as(job.toString())
            .isTrue());
  }

  @Test
  void everyDiagramAndTableSaysHowLongItsHistoryIsKept() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.sorted().toList()) {
        if (file.toString().endsWith(".bpmn")) {
          for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
            assertThat(ParseUtil.parseHistoryTimeToLive(process.getCamundaHistoryTimeToLiveString()))
                .as(file + " " + process.getId() + ": days after the case ends").isEqualTo(PROCESS_DAYS);
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(process.getId())
                .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(PROCESS_DAYS);
          }
        } else if (file.toString().endsWith(".dmn")) {
          for (Decision decision : Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
            assertThat(ParseUtil.parseHistoryTimeToLive(decision.getCamundaHistoryTimeToLiveString()))
                .as(file + " " + decision.getId() + ": days after the evaluation").isEqualTo(DECISION_DAYS);
            assertThat(engine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey(decision.getId()).latestVersion().singleResult().getHistoryTimeToLive())
                .isEqualTo(DECISION_DAYS);
          }
        }
      }
    }
    // The routing table decides as a case opens, outside any process, so its history counts from the case's start:
    // it must outlast a case that ran into every deadline of the desk, plus the time a case is kept after it ends.
    Duration everyDeadline = Binder.get(environment)
        .bind("aftersales.deadlines", Bindable.mapOf(String.class, Duration.class)).get().values().stream()
        .reduce(Duration.ZERO, Duration::plus);
    assertThat(Duration.ofDays(DECISION_DAYS)).isGreaterThan(Duration.ofDays(PROCESS_DAYS).plus(everyDeadline));
  }

  @Test
  void anEndedCasesHistoryGoesAfterItsTimeToLiveAnOpenCaseKeepsAll() {
    // Far beyond the clocks other tests set (they evaluate routing decisions too, some days ahead), so the routing
    // decisions of this test's two cases are the only ones evaluated at this moment.
    Instant testStart = Instant.now().plus(Duration.ofDays(1000));
    ClockUtil.setCurrentTime(Date.from(testStart));
    String ended = caseWaitingAtReview();
    completeTask(ended, "reviewEvidence", Map.of("claimConfirmed", true));
    completeTask(ended, "negotiateCompensation", Map.of("buyerAcceptsCompensation", true, "compensationAmount", 25.0));
    assertThat(caseView(ended).path("resolution").asText()).isEqualTo("COMPENSATED");
    String open = caseWaitingAtReview();

    HistoryService history = engine.getHistoryService();
    List<HistoricProcessInstance> endedInstances = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(ended).list();
    assertThat(endedInstances).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .as("the case and the refund it called").containsExactlyInAnyOrder("return-refund", "refund");
    HistoricProcessInstance endedRoot = root(endedInstances);
    assertThat(endedRoot.getEndTime()).isNotNull();
    assertThat(endedRoot.getRemovalTime()).as("counted from the end of the case")
        .isEqualTo(Date.from(endedRoot.getEndTime().toInstant().plus(Duration.ofDays(PROCESS_DAYS))));
    assertThat(endedInstances).allSatisfy(instance ->
        assertThat(instance.getRemovalTime()).as("a called instance goes with its case").isEqualTo(endedRoot.getRemovalTime()));
    HistoricProcessInstance openRoot = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(open)
        .singleResult();
    assertThat(openRoot.getRemovalTime()).as("an open case has none").isNull();

    List<String> endedIds = endedInstances.stream().map(HistoricProcessInstance::getId).toList();
    Traces endedBefore = traces(endedIds);
    assertThat(endedBefore.activities()).isPositive();
    assertThat(endedBefore.tasks()).isEqualTo(2);
    assertThat(endedBefore.variables()).isPositive();
    assertThat(endedBefore.decisions()).as("the resolution table decided inside the case").isPositive();
    Traces openBefore = traces(List.of(openRoot.getId()));
    assertThat(openBefore.tasks()).isEqualTo(1);
    long routing = routingDecisionsAt(testStart);
    assertThat(routing).as("both cases were routed").isEqualTo(2);

    // a day after the ended case's history ran out
    ClockUtil.setCurrentTime(Date.from(testStart.plus(Duration.ofDays(PROCESS_DAYS + 1))));
    cleanUp();

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(endedIds)).count()).isZero();
    assertThat(traces(endedIds)).isEqualTo(new Traces(0, 0, 0, 0));
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(openRoot.getId()).count()).isEqualTo(1);
    assertThat(traces(List.of(openRoot.getId()))).isEqualTo(openBefore);
    assertThat(routingDecisionsAt(testStart)).as("routing counts from the case's start, for a year").isEqualTo(routing);
    // the shop's own records are not the engine's history
    assertThat(caseView(ended).path("resolution").asText()).isEqualTo("COMPENSATED");
    assertThat(caseView(ended).path("refunds")).hasSize(1);

    // however long a case stays open, its history stays
    ClockUtil.setCurrentTime(Date.from(testStart.plus(Duration.ofDays(DECISION_DAYS + 1))));
    cleanUp();

    assertThat(routingDecisionsAt(testStart)).isZero();
    assertThat(traces(List.of(openRoot.getId()))).isEqualTo(openBefore);
    assertThat(task(open, "reviewEvidence")).isNotNull();
  }

  // --- helpers ---------------------------------------------------------------------------------------

  /** What the engine's history holds of some process instances. */
  record Traces(long activities, long tasks, long variables, long decisions) {}

  private Traces traces(List<String> processInstanceIds) {
    HistoryService history = engine.getHistoryService();
    long activities = 0;
    long tasks = 0;
    long decisions = 0;
    for (String id : processInstanceIds) {
      activities += history.createHistoricActivityInstanceQuery().processInstanceId(id).count();
      tasks += history.createHistoricTaskInstanceQuery().processInstanceId(id).count();
      decisions += history.createHistoricDecisionInstanceQuery().processInstanceId(id).count();
    }
    long variables = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).count();
    return new Traces(activities, tasks, variables, decisions);
  }

  /** Routing decisions evaluated while the (frozen) engine clock stood at this moment. */
  private long routingDecisionsAt(Instant at) {
    return engine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("after-sales-routing")
        .evaluatedAfter(Date.from(at.minusSeconds(1))).evaluatedBefore(Date.from(at.plusSeconds(1))).count();
  }

  private static HistoricProcessInstance root(List<HistoricProcessInstance> instances) {
    return instances.stream().filter(instance -> instance.getSuperProcessInstanceId() == null).findFirst()
        .orElseThrow();
  }

  /** What the night's cleanup job does, now: runs until nothing past its removal time is left. */
  private void cleanUp() {
    engine.getHistoryService().cleanUpHistoryAsync(true);
    for (int round = 0; round < 50; round++) {
      List<Job> due = new ArrayList<>();
      for (Job job : engine.getHistoryService().findHistoryCleanupJobs()) {
        if (!job.isSuspended() && !job.getDuedate().after(ClockUtil.getCurrentTime())) {
          due.add(job);
        }
      }
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
    throw new AssertionError("history cleanup still due after 50 runs");
  }

  /** A quality complaint on a delivered order: the case waits at 审核凭证. */
  private String caseWaitingAtReview() {
    String orderNo = newOrderNo();
    importDeliveredOrder(orderNo, "TS-01", "青瓷茶具套装", "teaware", "300.00", 3);
    String caseNo = openCaseThroughApi("""
        {"orderNo":"%s","request":"RETURN_REFUND","reason":"QUALITY","amount":300.00,
         "evidence":["https://img.example/crack.jpg"]}""".formatted(orderNo));
    assertThat(task(caseNo, "reviewEvidence")).isNotNull();
    return caseNo;
  }
}
