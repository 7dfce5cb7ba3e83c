package com.shopdesk.aftersales.courier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import com.shopdesk.aftersales.api.ShopTime;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.TrackingEvent;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 快递100 result (a push's {@code lastResult}, or a query's answer) as the desk's tracking events, oldest first.
 * 快递100 sends the whole history, newest first, every time; the desk stores each scan once.
 */
final class Kuaidi100Scans {
  private static final Pattern SIGNER =
      Pattern.compile("签收人\\s*(?:是|为)?\\s*[:：]?\\s*[【\\[(（]?([^，,。；;！!\\s【】\\[\\]()（）]{1,32})");
  private static final DateTimeFormatter FTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** The state names 快递100 writes on each scan, for scans that carry no state code. */
  private static final Map<String, String> STATE_NAMES = Map.ofEntries(Map.entry("在途", "0"), Map.entry("揽收", "1"),
      Map.entry("疑难", "2"), Map.entry("签收", "3"), Map.entry("退签", "4"), Map.entry("派件", "5"),
      Map.entry("退回", "6"), Map.entry("转投", "7"), Map.entry("拒签", "14"));

  private Kuaidi100Scans() {}

  static List<TrackingEvent> of(String carrier, String trackingNo, JsonNode result) {
    List<TrackingEvent> events = new ArrayList<>();
    for (JsonNode scan : result.path("data")) {
      String state = scan.hasNonNull("statusCode") ? scan.path("statusCode").asText()
          : STATE_NAMES.get(scan.path("status").asText());
      Kuaidi100States.eventOf(state).ifPresent(event ->
          events.add(0, new TrackingEvent(carrier, trackingNo, event, at(scan),
              event == CourierEvent.DELIVERED ? signer(scan.path("context").asText()) : null)));
    }
    return events;
  }

  /**
   * 快递100 has no signer field: who signed is only in the scan's text, as the courier wrote it, e.g.
   * "已签收，签收人：本人" or "已签收,签收人是【门卫】". Taken from there when it follows "签收人"; absent otherwise
   * ("已签收", "凭取件码签收": the courier named nobody, and the desk does not guess).
   */
  static String signer(String context) {
    Matcher m = SIGNER.matcher(context == null ? "" : context);
    return m.find() && !m.group(1).startsWith("凭") ? m.group(1) : null;
  }

  private static java.time.OffsetDateTime at(JsonNode scan) {
    String text = scan.hasNonNull("ftime") ? scan.path("ftime").asText() : scan.path("time").asText();
    try {
      return LocalDateTime.parse(text, FTIME).atZone(ShopTime.ZONE).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("快递100 的轨迹时间无法识别：" + text, e);
    }
  }
}
