package com.shopdesk.aftersales.returns;

import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingEvents;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Before waiting for the return parcel to arrive: did the courier report it delivered already? */
@Component
public class CheckReturnDeliveredDelegate implements JavaDelegate {
  private final TrackingEvents events;

  public CheckReturnDeliveredDelegate(TrackingEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    List<TrackingEvent> stored = events.ofParcel(vars.carrier(), vars.trackingNo());
    boolean delivered = stored.stream().anyMatch(e -> e.event() == CourierEvent.DELIVERED);
    vars.returnDelivered(delivered, stored.isEmpty() ? "暂无物流信息" : stored.get(stored.size() - 1).describe());
  }
}
