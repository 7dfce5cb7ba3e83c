package com.shopdesk.aftersales.courier.kuaidi100;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The desk's carrier codes ("ZTO") and 快递100's company codes ("zhongtong"), both ways. */
final class Kuaidi100Companies {
  private static final Map<String, String> CODES = Map.ofEntries(
      Map.entry("ZTO", "zhongtong"), Map.entry("YTO", "yuantong"), Map.entry("STO", "shentong"),
      Map.entry("YUNDA", "yunda"), Map.entry("YD", "yunda"), Map.entry("SF", "shunfeng"), Map.entry("JD", "jd"),
      Map.entry("EMS", "ems"), Map.entry("YZPY", "youzhengguonei"), Map.entry("JT", "jtexpress"),
      Map.entry("DBL", "debangkuaidi"), Map.entry("HTKY", "huitongkuaidi"));

  private Kuaidi100Companies() {}

  /** 快递100's code for the carrier; a carrier the desk does not know is refused, not guessed at. */
  static String companyOf(String carrier) {
    return company(carrier).orElseThrow(() -> new IllegalArgumentException("快递100 的快递公司编码未知：承运商 "
        + carrier + "（已知：" + String.join("、", new TreeSet<>(CODES.keySet())) + "）"));
  }

  static Optional<String> company(String carrier) {
    return Optional.ofNullable(carrier == null ? null : CODES.get(carrier.toUpperCase(Locale.ROOT)));
  }

  /** The desk's carrier for 快递100's code; where two desk codes share one (YD, YUNDA), the first listed. */
  static Optional<String> carrierOf(String company) {
    return CODES.entrySet().stream().filter(e -> e.getValue().equals(company)).map(Map.Entry::getKey).sorted()
        .findFirst();
  }
}
