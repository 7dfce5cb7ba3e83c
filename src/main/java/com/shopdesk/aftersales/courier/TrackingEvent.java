package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.api.ShopTime;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * One tracking event of one parcel, as a courier pushes it. {@code signer} (optional) is who signed for a DELIVERED
 * parcel as the courier recorded it (签收人, e.g. "本人", "门卫", "丰巢快递柜"); null when the courier named nobody.
 */
public record TrackingEvent(
    @NotBlank @Size(max = 32) String carrier,
    @NotBlank @Size(max = 64) String trackingNo,
    @NotNull CourierEvent event,
    @NotNull OffsetDateTime at,
    @Size(max = 64) String signer) {

  /** Milliseconds are as precise as any courier reports and any database keeps: the same push stays the same. */
  public TrackingEvent {
    at = at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    signer = signer == null || signer.isBlank() ? null : signer.strip();
  }

  /** An event that names no signer (every event but a signed delivery). */
  public TrackingEvent(String carrier, String trackingNo, CourierEvent event, OffsetDateTime at) {
    this(carrier, trackingNo, event, at, null);
  }

  /** How a form or the timeline shows it, e.g. "中通快递 ZT100001：拦截失败（2026-11-12 10:00）". */
  public String describe() {
    return Carriers.parcel(carrier, trackingNo) + "：" + event.label() + "（"
        + ShopTime.minutes(at) + (signer == null ? "" : "，签收人：" + signer) + "）";
  }
}
