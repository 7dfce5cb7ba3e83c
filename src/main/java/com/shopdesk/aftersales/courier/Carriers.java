package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.guard.deploy.DiagramHelper;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The couriers' names as buyers and agents know them, for the codes their APIs use ("ZTO" → 中通快递).
 * Diagrams write {@code ${carriers.name(carrier)}} in buyer messages (an unknown code is shown as it is) and
 * {@code ${carriers.interceptsByApi(carrier)}} where an interception goes to the courier's API or to its station.
 */
@DiagramHelper
@Component("carriers")
public class Carriers {
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("ZTO", "中通快递"), Map.entry("YTO", "圆通速递"), Map.entry("STO", "申通快递"),
      Map.entry("YUNDA", "韵达快递"), Map.entry("YD", "韵达快递"), Map.entry("SF", "顺丰速运"),
      Map.entry("JD", "京东物流"), Map.entry("EMS", "邮政 EMS"), Map.entry("YZPY", "邮政快递包裹"),
      Map.entry("JT", "极兔速递"), Map.entry("DBL", "德邦快递"), Map.entry("HTKY", "百世快递"));

  private final ObjectProvider<CourierGateway> courier;

  public Carriers(ObjectProvider<CourierGateway> courier) {
    this.courier = courier;
  }

  public String name(String code) {
    return nameOf(code);
  }

  /** Whether the courier's API intercepts this carrier's parcels ({@code ${carriers.interceptsByApi(carrier)}}). */
  public boolean interceptsByApi(String code) {
    return courier.getObject().interceptsByApi(code);
  }

  /** A parcel as people read it: "中通快递 ZT100001". */
  public static String parcel(String code, String trackingNo) {
    return nameOf(code) + " " + trackingNo;
  }

  /** Whether the desk knows this carrier code (the codes a form may offer an agent). */
  public static boolean known(String code) {
    return code != null && NAMES.containsKey(code);
  }

  public static String nameOf(String code) {
    return code == null ? "" : NAMES.getOrDefault(code.toUpperCase(java.util.Locale.ROOT), code);
  }
}
