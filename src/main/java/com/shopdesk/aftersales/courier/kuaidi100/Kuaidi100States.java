package com.shopdesk.aftersales.courier.kuaidi100;

import com.shopdesk.aftersales.courier.CourierEvent;
import java.util.Map;
import java.util.Optional;

/**
 * 快递100's parcel states (resultv2=1: a state code on every scan) as the desk's tracking events. States that are
 * not a movement the desk acts on (疑难 a problem the courier is working on, customs trouble) give no event.
 */
final class Kuaidi100States {
  private static final Map<String, CourierEvent> EVENTS = Map.ofEntries(
      Map.entry("1", CourierEvent.PICKED_UP),        // 揽收
      Map.entry("0", CourierEvent.IN_TRANSIT),       // 在途
      Map.entry("5", CourierEvent.AT_STATION),       // 派件（到达派件网点、派送中）
      Map.entry("7", CourierEvent.IN_TRANSIT),       // 转投
      Map.entry("8", CourierEvent.IN_TRANSIT),       // 清关
      Map.entry("10", CourierEvent.IN_TRANSIT),      // 待清关
      Map.entry("11", CourierEvent.IN_TRANSIT),      // 清关中
      Map.entry("12", CourierEvent.IN_TRANSIT),      // 已清关
      Map.entry("3", CourierEvent.DELIVERED),        // 签收
      Map.entry("14", CourierEvent.REJECTED),        // 拒签
      Map.entry("6", CourierEvent.RETURNING),        // 退回（在退回寄件人的路上）
      Map.entry("4", CourierEvent.RETURNED));        // 退签（寄件人已签收退回的包裹）

  private Kuaidi100States() {}

  static Optional<CourierEvent> eventOf(String state) {
    return Optional.ofNullable(state == null ? null : EVENTS.get(state.trim()));
  }
}
