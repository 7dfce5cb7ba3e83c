package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records who completed a user task, on the case timeline and as the ledger's "handled by": the person logged
 * in who completed it (the engine refuses a completion by anyone but the one who claimed it), else, for the
 * application's own calls, the task's assignee.
 */
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
    var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String by = authentication != null && authentication.getUserId() != null ? authentication.getUserId()
        : task.getAssignee();
    String caseNo = CaseVariables.of(task.getExecution()).caseNo();
    if (by != null) {
      ledger.handledBy(caseNo, by);
    }
    timeline.record(caseNo, CaseTimeline.Kind.TASK_DONE, "完成任务「" + task.getName() + "」", by);
  }
}
