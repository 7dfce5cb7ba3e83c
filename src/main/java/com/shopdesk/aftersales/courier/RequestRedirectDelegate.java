package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the courier to deliver the case's parcel elsewhere. Input {@code kind}: NEW_ADDRESS, to the buyer's new
 * address ({@code newAddress}), or TO_POSTAL, handed to the postal service where the courier has no service. Sets
 * {@code redirectAccepted} and {@code redirectNote} from the courier's answer.
 */
@Component
public class RequestRedirectDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseTimeline timeline;

  public RequestRedirectDelegate(CourierGateway courier, CaseTimeline timeline) {
    this.courier = courier;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    ParcelRedirectVariables redirect = ParcelRedirectVariables.of(execution);
    CourierGateway.RedirectKind kind = TaskInputs.choice(execution, "kind", CourierGateway.RedirectKind.class,
        CourierGateway.RedirectKind.NEW_ADDRESS);
    String address = kind == CourierGateway.RedirectKind.NEW_ADDRESS ? redirect.newAddress() : null;
    if (kind == CourierGateway.RedirectKind.NEW_ADDRESS && address == null) {
      throw new IllegalStateException("The service task '" + execution.getCurrentActivityName()
          + "' asks for a new address, but the case has no newAddress");
    }
    CourierGateway.RedirectAnswer answer = courier.redirect(new CourierGateway.Redirect(vars.carrier(),
        vars.trackingNo(), vars.caseNo(), kind, address));
    redirect.answered(answer);
    String parcel = Carriers.parcel(vars.carrier(), vars.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, (kind == CourierGateway.RedirectKind.NEW_ADDRESS
        ? "已请快递改址 " + parcel + " 至 " + address : "已请快递将 " + parcel + " 转邮政派送")
        + "：" + answer.note(), null);
  }
}
