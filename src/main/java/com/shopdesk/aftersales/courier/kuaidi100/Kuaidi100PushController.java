package com.shopdesk.aftersales.courier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.courier.CourierEventService;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingSubscriptions;
import com.shopdesk.aftersales.orders.OrderRepository;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Takes 快递100's pushes ({@code POST /api/callbacks/kuaidi100}, form fields {@code param} and {@code sign}): a push
 * is believed only when {@code sign} is MD5(param + salt), the salt being the desk's own, given at subscription.
 * Every scan in it goes the way of {@code POST /api/courier-events} (stored once, then handed to the waiting
 * processes) before 快递100 is told it arrived; until then it pushes again. A push saying 快递100 stopped following
 * the parcel ({@code abort}) has the desk follow it again.
 */
@RestController
@ConditionalOnProperty(name = "aftersales.adapters.tracking", havingValue = "kuaidi100")
public class Kuaidi100PushController {
  private static final Logger log = LoggerFactory.getLogger(Kuaidi100PushController.class);

  private final Kuaidi100Tracking kuaidi100;
  private final CourierEventService courierEvents;
  private final TrackingSubscriptions subscriptions;
  private final OrderRepository orders;
  private final ObjectMapper json;

  public Kuaidi100PushController(Kuaidi100Tracking kuaidi100, CourierEventService courierEvents,
      TrackingSubscriptions subscriptions, OrderRepository orders, ObjectMapper json) {
    this.kuaidi100 = kuaidi100;
    this.courierEvents = courierEvents;
    this.subscriptions = subscriptions;
    this.orders = orders;
    this.json = json;
  }

  @PostMapping(path = "/api/callbacks/kuaidi100", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> push(@RequestParam String param, @RequestParam String sign) {
    if (!Kuaidi100Signature.matches(Kuaidi100Signature.of(param, kuaidi100.salt()), sign)) {
      log.warn("Refused a push to /api/callbacks/kuaidi100 whose signature does not match the salt");
      return answer(HttpStatus.FORBIDDEN, "sign: 签名不符，推送未处理");
    }
    JsonNode push;
    try {
      push = json.readTree(param);
    } catch (IOException e) {
      return answer(HttpStatus.BAD_REQUEST, "param: 不是 JSON");
    }
    JsonNode result = push.path("lastResult");
    String trackingNo = result.path("nu").asText();
    String company = result.path("com").asText();
    if (trackingNo.isBlank() || company.isBlank()) {
      return answer(HttpStatus.BAD_REQUEST, "param: lastResult 缺少 com 或 nu");
    }
    String carrier = carrierOf(company, trackingNo);
    if (carrier == null) {
      log.warn("快递100 pushed {} {}, a company the desk has no carrier code for; ignored", company, trackingNo);
      return answer(HttpStatus.OK, "成功");
    }
    List<TrackingEvent> scans = Kuaidi100Scans.of(carrier, trackingNo, result);
    scans.forEach(courierEvents::receive);
    if ("abort".equals(push.path("status").asText())) {
      subscriptions.followAgain(carrier, trackingNo, push.path("message").asText());
    }
    return answer(HttpStatus.OK, "成功");
  }

  /** The carrier the shop recorded the parcel with, or else the desk's code for 快递100's company. */
  private String carrierOf(String company, String trackingNo) {
    return orders.carriersOf(trackingNo).stream()
        .filter(carrier -> Kuaidi100Companies.company(carrier).filter(company::equals).isPresent())
        .findFirst()
        .orElseGet(() -> Kuaidi100Companies.carrierOf(company).orElse(null));
  }

  /** 快递100 reads {@code result} and {@code returnCode}; anything but success it pushes again. */
  private static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message) {
    boolean ok = status == HttpStatus.OK;
    String code = ok ? "200" : String.valueOf(status.value());
    return ResponseEntity.status(status).body(Map.of("result", ok, "returnCode", code, "message", message));
  }
}
