package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.guard.forms.FieldRefused;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The warehouse recorded the order's parcel under the wrong courier or number (查不到物流): puts the agent's
 * {@code correctCarrier} and {@code correctTrackingNo} on the order's outbound parcel and on the case
 * ({@code carrier}, {@code trackingNo}), and keeps the old one in {@code oldParcel} for the order's remark. The
 * form's guard has checked both fields; they are checked again here, so nothing but a known carrier and a plain
 * tracking number reaches the order. The same parcel as before, or one another order already has, refuses the
 * agent's completion (400 naming the field), so nothing is written.
 */
@Component
public class CorrectParcelDelegate implements JavaDelegate {
  private static final String CARRIER_FIELD = "「正确的快递公司」（" + NoTrackingVariables.CORRECT_CARRIER + "）：";
  private static final String NUMBER_FIELD = "「正确的快递单号」（" + NoTrackingVariables.CORRECT_TRACKING_NO + "）：";
  private final OrderRepository orders;
  private final CaseTimeline timeline;

  public CorrectParcelDelegate(OrderRepository orders, CaseTimeline timeline) {
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    NoTrackingVariables parcel = NoTrackingVariables.of(execution);
    String carrier = parcel.correctCarrier();
    String trackingNo = parcel.correctTrackingNo();
    if (!Carriers.known(carrier)) {
      throw new FieldRefused(NoTrackingVariables.CORRECT_CARRIER,
          CARRIER_FIELD + "快递公司 " + carrier + " 不在已知快递公司之列");
    }
    if (trackingNo == null || !NoTrackingVariables.TRACKING_NO.matcher(trackingNo).matches()) {
      throw new FieldRefused(NoTrackingVariables.CORRECT_TRACKING_NO,
          NUMBER_FIELD + "单号 " + trackingNo + " 应为 8–30 位字母或数字");
    }
    String old = Carriers.parcel(vars.carrier(), vars.trackingNo());
    if (carrier.equals(vars.carrier()) && trackingNo.equals(vars.trackingNo())) {
      throw new FieldRefused(NoTrackingVariables.CORRECT_TRACKING_NO,
          NUMBER_FIELD + "更正后的快递公司和单号与原来的相同（" + old + "）");
    }
    try {
      orders.correctOutbound(vars.orderNo(), vars.carrier(), vars.trackingNo(), carrier, trackingNo);
    } catch (IllegalStateException taken) {
      throw new FieldRefused(NoTrackingVariables.CORRECT_TRACKING_NO,
          NUMBER_FIELD + Carriers.parcel(carrier, trackingNo) + " 已是另一个包裹的单号");
    }
    String now = Carriers.parcel(carrier, trackingNo);
    parcel.corrected(old, carrier, trackingNo);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "订单包裹已更正：" + old + " → " + now, null);
  }
}
