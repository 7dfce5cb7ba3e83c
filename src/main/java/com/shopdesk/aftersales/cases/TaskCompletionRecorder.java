package com.shopdesk.aftersales.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Records, for every user task of every diagram (called processes too), who completed it: on the case
 * timeline and as the ledger's "handled by". Added by the engine, so analysts need not model it.
 */
@Component
public class TaskCompletionRecorder extends AbstractProcessEnginePlugin {
  private final CaseTimeline timeline;
  private final CaseLedger ledger;

  public TaskCompletionRecorder(CaseTimeline timeline, CaseLedger ledger) {
    this.timeline = timeline;
    this.ledger = ledger;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    TaskListener recorder = this::completed;
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, recorder);
      }
    });
  }

  private void completed(DelegateTask task) {
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
