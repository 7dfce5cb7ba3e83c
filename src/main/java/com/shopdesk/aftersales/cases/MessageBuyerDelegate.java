package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Leaves the buyer a message on the case. Input {@code text}: the wording, which analysts edit in Modeler
 * (expressions such as ${trackingNo} are filled in by the engine). Optional input {@code returnAddress}: this
 * message agrees a return and gives the buyer this address (on the platform: 同意退货 with the address).
 */
@Component
public class MessageBuyerDelegate implements JavaDelegate {
  private final CaseTimeline timeline;
  private final ApplicationEventPublisher events;

  public MessageBuyerDelegate(CaseTimeline timeline, ApplicationEventPublisher events) {
    this.timeline = timeline;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String text = TaskInputs.required(execution, "text");
    CaseVariables vars = CaseVariables.of(execution);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.BUYER_MESSAGE, text, null);
    events.publishEvent(new CaseAnswers.BuyerMessaged(vars.caseNo(), vars.orderNo(), text,
        TaskInputs.optional(execution, "returnAddress")));
  }
}
