package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Closes the case in the ledger with the outcome the diagram names, and leaves the remark on the order.
 * Inputs (set on the service task in Modeler): {@code resolution}, e.g. REFUNDED, {@code remark}, the
 * order remark text, and optionally {@code closedBy}, the person the remark names when no task of theirs closes
 * the case (the one who recorded a withdrawal).
 */
@Component
public class CloseCaseDelegate implements JavaDelegate {
  private final CaseLedger ledger;
  private final OrderRemarks remarks;
  private final CaseTimeline timeline;
  private final ApplicationEventPublisher events;

  public CloseCaseDelegate(CaseLedger ledger, OrderRemarks remarks, CaseTimeline timeline,
      ApplicationEventPublisher events) {
    this.events = events;
    this.ledger = ledger;
    this.remarks = remarks;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String resolution = TaskInputs.required(execution, "resolution");
    String remark = TaskInputs.required(execution, "remark");
    if (ledger.close(vars.caseNo(), resolution, vars.disposition())) {
      // the person whose action closes the case now (a task completed in Tasklist), else a deadline or a
      // system's answer closed it
      var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      Object closedBy = execution.getVariableLocal("closedBy");
      String by = user != null ? user.getUserId() : closedBy != null ? closedBy.toString() : CaseIntake.SYSTEM;
      remarks.add(vars.orderNo(), vars.caseNo(), remark, by);
      timeline.record(vars.caseNo(), CaseTimeline.Kind.CLOSED, "结案：" + remark, by);
      events.publishEvent(new CaseAnswers.CaseClosed(vars.caseNo(), vars.orderNo(), resolution, remark));
    }
  }
}
