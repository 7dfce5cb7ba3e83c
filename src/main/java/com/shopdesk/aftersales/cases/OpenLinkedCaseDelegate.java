package com.shopdesk.aftersales.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import com.shopdesk.aftersales.courier.ParcelRedirectVariables;
import org.springframework.stereotype.Component;

/**
 * Hands a closed case over to a new one for the same order and amount, linked to it. Input {@code request}:
 * what the new case is, e.g. RETURN_REFUND after an interception the buyer could not stop. Optional input
 * {@code reason}: the new case's reason when it is not this case's (a buyer who signed for the parcel in person and
 * does not want it returns it as NO_REASON, 七天无理由; an address change handed over as a return is PERSONAL, so it
 * is not routed back to the address change). The buyer's new address of an address change goes with it, so a
 * reshipment of the new case goes there.
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
    Reason reason = TaskInputs.choice(execution, "reason", Reason.class, from.reason());
    // a case handed over after an address change sends whatever it sends to the buyer's new address
    Object newAddress = execution.getVariable(ParcelRedirectVariables.NEW_ADDRESS);
    CaseIntake.Opened opened = intake.openLinked(from.caseNo(), new CaseRequest(from.orderNo(), request,
        reason, ledger.items(from.caseNo()), from.amount(), ledger.evidence(from.caseNo()), from.note(), null, null,
        newAddress instanceof String address ? address : null, null));
    timeline.record(from.caseNo(), CaseTimeline.Kind.STEP, "已转" + request.label() + "：售后单 " + opened.caseNo(), null);
    execution.setVariable("linkedCaseNo", opened.caseNo());
  }
}
