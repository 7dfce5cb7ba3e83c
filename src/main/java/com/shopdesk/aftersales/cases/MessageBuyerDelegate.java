package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Leaves the buyer a message on the case. Input {@code text}: the wording, which analysts edit in Modeler
 * (expressions such as ${trackingNo} are filled in by the engine).
 */
@Component
public class MessageBuyerDelegate implements JavaDelegate {
  private final CaseTimeline timeline;

  public MessageBuyerDelegate(CaseTimeline timeline) {
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = TaskInputs.required(execution, "text");
    timeline.record(CaseVariables.of(execution).caseNo(), CaseTimeline.Kind.BUYER_MESSAGE, text, null);
  }
}
