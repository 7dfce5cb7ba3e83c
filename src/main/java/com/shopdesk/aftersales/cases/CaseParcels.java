package com.shopdesk.aftersales.cases;

import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingEvents;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.Parcel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The parcels a case concerns (the order's outbound parcel and the case's own), with their latest tracking. */
@Component
public class CaseParcels {
  private final OrderRepository orders;
  private final TrackingEvents tracking;

  public CaseParcels(OrderRepository orders, TrackingEvents tracking) {
    this.orders = orders;
    this.tracking = tracking;
  }

  public List<CaseView.ParcelView> of(String orderNo, String caseNo) {
    return parcels(orderNo, caseNo).stream()
        .map(p -> {
          Optional<TrackingEvent> latest = tracking.latest(p.carrier(), p.trackingNo());
          return new CaseView.ParcelView(p.kind(), p.carrier(), p.trackingNo(),
              latest.map(e -> e.event().name()).orElse(null), latest.map(TrackingEvent::at).orElse(null),
              p.withdrawnAt());
        }).toList();
  }

  /** For a form: "发货 中通快递 ZT1：已签收（2026-11-24 09:00）；补发 中通快递 ZTB2：暂无物流信息". */
  public String describe(String orderNo, String caseNo) {
    List<String> lines = parcels(orderNo, caseNo).stream()
        .map(p -> p.kind().label() + " " + (p.withdrawnAt() != null
            ? Carriers.parcel(p.carrier(), p.trackingNo()) + "：无快递揽收，仓库已撤回"
            : tracking.latest(p.carrier(), p.trackingNo()).map(TrackingEvent::describe)
                .orElse(Carriers.parcel(p.carrier(), p.trackingNo()) + "：暂无物流信息")))
        .toList();
    return lines.isEmpty() ? "（尚未发货）" : lines.stream().collect(Collectors.joining("；"));
  }

  private List<Parcel> parcels(String orderNo, String caseNo) {
    return orders.parcels(orderNo).stream().filter(p -> p.caseNo() == null || p.caseNo().equals(caseNo)).toList();
  }
}
