package com.shopdesk.aftersales.platform.top;

import com.shopdesk.aftersales.courier.Carriers;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The courier names TOP gives (a refund's {@code company_name}, the buyer's return parcel; an order line's
 * {@code logistics_company}, the shop's own parcel) as the desk's carrier codes ("中通快递" → ZTO), so a parcel from
 * the platform is tracked and intercepted like one the desk entered. TOP gives the name the seller or buyer picked,
 * not a code, and the same courier goes by more than one name ("百世汇通", "百世快递"); the names
 * {@link Carriers} shows are recognised too, so what the desk prints reads back. A name not known here stays as the
 * platform gave it: a person still reads it, and nothing guesses a courier for it.
 */
final class TopCarriers {
  /** The desk's codes whose {@link Carriers#nameOf} names are read back (YD is YUNDA's other code: YUNDA wins). */
  private static final List<String> CODES =
      List.of("ZTO", "YTO", "STO", "YUNDA", "SF", "JD", "EMS", "YZPY", "JT", "DBL", "HTKY");

  /** Other names the couriers go by on Taobao (物流公司名称), whitespace ignored. */
  private static final Map<String, List<String>> ALSO_CALLED = Map.ofEntries(
      Map.entry("ZTO", List.of("中通", "中通快递", "中通速递")),
      Map.entry("YTO", List.of("圆通", "圆通速递", "圆通快递")),
      Map.entry("STO", List.of("申通", "申通快递", "申通速递")),
      Map.entry("YUNDA", List.of("韵达", "韵达快递", "韵达速递")),
      Map.entry("SF", List.of("顺丰", "顺丰速运", "顺丰快递", "顺丰速递")),
      Map.entry("JD", List.of("京东", "京东物流", "京东快递", "京东配送")),
      Map.entry("EMS", List.of("EMS", "邮政EMS", "中国邮政EMS", "EMS快递")),
      Map.entry("YZPY", List.of("邮政快递包裹", "邮政包裹", "中国邮政", "邮政国内小包", "邮政小包")),
      Map.entry("JT", List.of("极兔", "极兔速递", "极兔快递")),
      Map.entry("DBL", List.of("德邦", "德邦快递", "德邦物流")),
      Map.entry("HTKY", List.of("百世", "百世快递", "百世汇通", "汇通快递")));

  private static final Map<String, String> BY_NAME = byName();

  private TopCarriers() {}

  /** The desk's code for a courier name TOP gave; an unknown name as given (trimmed); null for none. */
  static String code(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return BY_NAME.getOrDefault(key(name), name.strip());
  }

  private static Map<String, String> byName() {
    Map<String, String> names = new HashMap<>();
    for (String code : CODES) {
      names.put(key(code), code);
      names.put(key(Carriers.nameOf(code)), code);
      ALSO_CALLED.getOrDefault(code, List.of()).forEach(name -> names.put(key(name), code));
    }
    return Map.copyOf(names);
  }

  private static String key(String name) {
    return name.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }
}
