package com.shopdesk.aftersales.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Hands a closed case over to a new one for the same order and amount, linked to it. Input {@code request}:
 * what the new case is, e.g. RETURN_REFUND after an interception the buyer could not stop.
 */
@Component
public class OpenLinkedCaseDelegate implements JavaDelegate {
  private final CaseIntake intake;
  private final CaseLedger ledger;
  private final CaseTimeline timeline;

  public OpenLinkedCaseDelegate(CaseIntake intake, CaseLedger ledger, CaseTimeline timeline) {
    this.intake = intake;
    this.ledger = ledger;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    RequestType request = RequestType.valueOf(TaskInputs.required(execution, "request"));
    CaseRecord from = ledger.find(vars.caseNo()).orElseThrow();
    // the SKU wanted in exchange only means something to an exchange
    List<CaseRequest.CaseItem> items = ledger.items(from.caseNo()).stream().map(i -> new CaseRequest.CaseItem(i.sku(),
        i.quantity(), request == RequestType.EXCHANGE ? i.replacementSku() : null)).toList();
    CaseIntake.Opened opened = intake.openLinked(from.caseNo(), new CaseRequest(from.orderNo(), request,
        from.reason(), items, from.amount(), ledger.evidence(from.caseNo()), from.note()));
    timeline.record(from.caseNo(), CaseTimeline.Kind.STEP, "已转" + request.label() + "：售后单 " + opened.caseNo(), null);
    execution.setVariable("linkedCaseNo", opened.caseNo());
  }
}
