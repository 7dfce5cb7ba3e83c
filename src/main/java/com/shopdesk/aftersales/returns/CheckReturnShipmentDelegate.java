package com.shopdesk.aftersales.returns;

import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.ShipmentKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before waiting for the buyer's return parcel: was it entered already? Sets {@code returnShipped}. */
@Component
public class CheckReturnShipmentDelegate implements JavaDelegate {
  private final OrderRepository orders;

  public CheckReturnShipmentDelegate(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    orders.parcelOfCase(vars.caseNo(), ShipmentKind.RETURN).ifPresentOrElse(
        parcel -> vars.returnShipped(parcel.carrier(), parcel.trackingNo(), parcel.shippingFee()),
        vars::returnNotShipped);
  }
}
