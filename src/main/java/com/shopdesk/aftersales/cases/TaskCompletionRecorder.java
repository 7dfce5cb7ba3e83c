package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records who completed a user task: on the case timeline and as the ledger's "handled by". */
@Component
public class TaskCompletionRecorder implements TaskListener {
  private final CaseTimeline timeline;
  private final CaseLedger ledger;

  public TaskCompletionRecorder(CaseTimeline timeline, CaseLedger ledger) {
    this.timeline = timeline;
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateTask task) {
    String by = task.getAssignee();
    if (by == null && task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null) {
      by = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    }
    String caseNo = CaseVariables.of(task.getExecution()).caseNo();
    if (by != null) {
      ledger.handledBy(caseNo, by);
    }
    timeline.record(caseNo, CaseTimeline.Kind.TASK_DONE, "完成任务「" + task.getName() + "」", by);
  }
}
