package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.OrderRemarks;
import com.shopdesk.aftersales.cases.RemarkFlag;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The buyer withdrew the request: the courier delivers the parcel after all instead of stopping it. An interception
 * asked of the courier's API is called off there; one an agent asked of the carrier's station is left to the desk
 * as a yellow remark (something still owed), since only a person can call the station.
 */
@Component
public class CallOffInterceptionDelegate implements JavaDelegate {
  private final CourierGateway courier;
  private final CaseTimeline timeline;
  private final OrderRemarks remarks;

  public CallOffInterceptionDelegate(CourierGateway courier, CaseTimeline timeline, OrderRemarks remarks) {
    this.courier = courier;
    this.timeline = timeline;
    this.remarks = remarks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    String parcel = Carriers.parcel(vars.carrier(), vars.trackingNo());
    if (vars.interceptedViaStation()) {
      remarks.add(vars.orderNo(), vars.caseNo(), "买家已撤销申请：请联系网点撤销 " + parcel + " 的拦截，包裹继续派送",
          CaseIntake.SYSTEM, RemarkFlag.YELLOW);
      timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "拦截由网点受理，已留黄旗备注请客服联系网点撤销：" + parcel, null);
      return;
    }
    courier.callOffInterception(vars.carrier(), vars.trackingNo());
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "已撤销快递拦截，包裹继续派送：" + parcel, null);
  }
}
