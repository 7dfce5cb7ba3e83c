package com.shopdesk.aftersales.courier.kuaidi100;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.courier.TrackingService;
import com.shopdesk.aftersales.outbound.OutboundHttp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * 快递100 as the desk's tracking service: subscribes parcels to its push service (订阅推送, {@code /poll}) with the
 * desk's callback and salt, and queries a parcel's scans (实时查询, {@code /poll/query.do}, signed MD5(param + key +
 * customer)). A refusal or an outage is an exception naming what 快递100 said, so the step retries and ends as an
 * incident a manager can retry in Cockpit; a parcel subscribed before (501) counts as subscribed.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.tracking", havingValue = "kuaidi100")
@EnableConfigurationProperties(Kuaidi100Settings.class)
public class Kuaidi100Tracking implements TrackingService {
  /** 快递100's answers to a subscription, as its documentation words them. */
  private static final Map<String, String> SUBSCRIBE_CODES = Map.of(
      "500", "快递100 服务器错误", "600", "不是合法的订阅者（授权 key 错误）", "601", "授权 key 已过期",
      "700", "订阅数据有错误（快递公司、单号或回调地址）", "701", "快递100 拒绝订阅该快递公司",
      "702", "识别不到该单号对应的快递公司");

  private final Kuaidi100Settings settings;
  private final RestClient http;
  private final ObjectMapper json;

  public Kuaidi100Tracking(Kuaidi100Settings settings, ObjectMapper json) {
    settings.check();
    this.settings = settings;
    this.json = json;
    this.http = OutboundHttp.client(settings.timeout());
  }

  @Override
  public boolean needsSubscription() {
    return true;
  }

  @Override
  public void subscribe(String carrier, String trackingNo) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("callbackurl", settings.callbackUrl());
    parameters.put("salt", settings.salt());
    parameters.put("resultv2", "1");
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("company", Kuaidi100Companies.companyOf(carrier));
    param.put("number", trackingNo);
    param.put("key", settings.key());
    param.put("parameters", parameters);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("schema", "json");
    form.add("param", write(param));
    JsonNode answer = post(settings.subscribeUrl().toString(), form, "订阅 " + Carriers.parcel(carrier, trackingNo));
    String code = answer.path("returnCode").asText();
    if (!answer.path("result").asBoolean(false) && !"501".equals(code)) {
      throw new IllegalStateException("快递100 拒绝订阅 " + Carriers.parcel(carrier, trackingNo) + "：" + code + " "
          + SUBSCRIBE_CODES.getOrDefault(code, answer.path("message").asText()));
    }
  }

  @Override
  public List<TrackingEvent> track(String carrier, String trackingNo) {
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("com", Kuaidi100Companies.companyOf(carrier));
    param.put("num", trackingNo);
    param.put("resultv2", "1");
    String text = write(param);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("customer", settings.customer());
    form.add("param", text);
    form.add("sign", Kuaidi100Signature.of(text, settings.key(), settings.customer()));
    JsonNode answer = post(settings.queryUrl().toString(), form, "查询 " + Carriers.parcel(carrier, trackingNo));
    if ("200".equals(answer.path("status").asText())) {
      return Kuaidi100Scans.of(carrier, trackingNo, answer);
    }
    String code = answer.path("returnCode").asText();
    if ("500".equals(code) && answer.path("message").asText().contains("查询无结果")) {
      return List.of(); // no scan yet: the parcel is not picked up
    }
    throw new IllegalStateException("快递100 查询 " + Carriers.parcel(carrier, trackingNo) + " 失败：" + code + " "
        + answer.path("message").asText());
  }

  private JsonNode post(String url, MultiValueMap<String, String> form, String what) {
    try {
      String body = http.post().uri(url).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .retrieve().body(String.class);
      return json.readTree(body == null ? "{}" : body);
    } catch (RestClientException e) {
      throw OutboundHttp.unreachable("快递100 ", what, e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("快递100 的回复无法解析（" + what + "）：" + e.getMessage(), e);
    }
  }

  private String write(Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** For the push receiver: the salt pushes are signed with. */
  String salt() {
    return settings.salt();
  }
}
