package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.api.ApiException;
import com.shopdesk.aftersales.orders.Parcel;
import com.shopdesk.aftersales.orders.ShipmentKind;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer withdraws the request (撤销申请). The case's process ends through its "买家撤销" event subprocess, which
 * closes the case WITHDRAWN at once and then undoes what is under way (the warehouse ships a cancelled order
 * after all, an interception is called off, a reshipment nobody collected is taken back). Refused once money
 * has been paid or goods have left for the buyer, or while the buyer's return parcel is on its way to the shop.
 * The order's row is held from the checks to the close (see {@link OpenCaseChecks}).
 */
@Service
public class CaseWithdrawal {
  public static final String MESSAGE = "case.WITHDRAWN";
  private final CaseLedger ledger;
  private final OpenCaseChecks checks;
  private final CaseTimeline timeline;
  private final RuntimeService runtime;

  CaseWithdrawal(CaseLedger ledger, OpenCaseChecks checks, CaseTimeline timeline, RuntimeService runtime) {
    this.ledger = ledger;
    this.checks = checks;
    this.timeline = timeline;
    this.runtime = runtime;
  }

  public record Withdrawn(String caseNo, String status, String resolution) {}

  @Transactional
  public Withdrawn withdraw(String caseNo, String reason, String user) {
    CaseRecord c = checks.openAndUnpaid(caseNo, OpenCaseChecks.Change.WITHDRAWN);
    for (Parcel parcel : checks.parcelsOf(c)) {
      if (parcel.kind() == ShipmentKind.RETURN) {
        throw ApiException.conflict("caseNo", "the buyer has sent the goods back (" + parcel.carrier() + " "
            + parcel.trackingNo() + "): the case goes on until they arrive and are inspected");
      }
      if (checks.collected(parcel)) {
        throw ApiException.conflict("caseNo", "goods have left for the buyer (" + parcel.kind().label() + " "
            + parcel.carrier() + " " + parcel.trackingNo() + " was collected): the case cannot be withdrawn");
      }
    }
    timeline.record(caseNo, CaseTimeline.Kind.WITHDRAWN, "撤销申请：" + reason, user);
    ledger.handledBy(caseNo, user);
    try {
      runtime.createMessageCorrelation(MESSAGE)
          .processInstanceId(c.processInstanceId())
          .setVariable(CaseVariables.WITHDRAWAL_REASON, reason)
          .setVariable(CaseVariables.WITHDRAWN_BY, user)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException oldDiagram) {
      throw ApiException.conflict("caseNo", "case " + caseNo + " runs on a version of the '" + c.process()
          + "' diagram that cannot be withdrawn: migrate it to the latest version in Cockpit, then try again");
    }
    CaseRecord closed = ledger.find(caseNo).orElseThrow();
    return new Withdrawn(caseNo, closed.status().name(), closed.resolution());
  }
}
