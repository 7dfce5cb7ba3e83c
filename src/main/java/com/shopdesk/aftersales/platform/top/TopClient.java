package com.shopdesk.aftersales.platform.top;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.outbound.OutboundHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.util.DigestUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the Taobao Open Platform (TOP) as its published protocol asks: the system parameters (method, app_key,
 * session, timestamp in Beijing time, format json, v 2.0, sign_method) and the API's parameters, signed over all of
 * them sorted by name — MD5(secret + k1v1k2v2… + secret) or HMAC-MD5 with the secret as key — in upper-case hex.
 * Returns the API's response object; an {@code error_response} or an unreachable gateway is an exception naming
 * what the platform said, for the step's incident.
 */
public class TopClient {
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final TopSettings settings;
  private final ObjectMapper json;
  private final RestClient http;

  public TopClient(TopSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = OutboundHttp.client(settings.timeout());
  }

  /** The response object of {@code method} (e.g. {@code trade_get_response} of taobao.trade.get). */
  public JsonNode call(String method, Map<String, String> apiParameters) {
    Map<String, String> all = new TreeMap<>(apiParameters);
    all.put("method", method);
    all.put("app_key", settings.appKey());
    all.put("session", settings.session());
    all.put("timestamp", ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).format(TIMESTAMP));
    all.put("format", "json");
    all.put("v", "2.0");
    all.put("sign_method", settings.signMethod());
    all.put("sign", sign(all, settings.appSecret(), settings.signMethod()));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    all.forEach(form::add);
    JsonNode answer;
    try {
      String body = http.post().uri(settings.gateway())
          .contentType(new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8))
          .body(form).retrieve().body(String.class);
      answer = json.readTree(body == null ? "{}" : body);
    } catch (RestClientException e) {
      throw OutboundHttp.unreachable("淘宝开放平台", method, e);
    } catch (IOException e) {
      throw new IllegalStateException("淘宝开放平台的回复无法解析（" + method + "）：" + e.getMessage(), e);
    }
    JsonNode error = answer.path("error_response");
    if (!error.isMissingNode()) {
      throw new IllegalStateException("淘宝开放平台拒绝 " + method + "：" + error.path("code").asText() + " "
          + error.path("msg").asText() + (error.hasNonNull("sub_code") ? "，" + error.path("sub_code").asText() + " "
          + error.path("sub_msg").asText() : ""));
    }
    String name = method.replaceFirst("^taobao\\.", "").replace('.', '_') + "_response";
    JsonNode response = answer.has(name) ? answer.path(name) : answer.path("taobao_" + name);
    if (response.isMissingNode()) {
      throw new IllegalStateException("淘宝开放平台的回复缺少 " + name + "（" + method + "）");
    }
    return response;
  }

  /** TOP's signature of the parameters (sign itself excluded), upper-case hex. */
  static String sign(Map<String, String> parameters, String secret, String method) {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(parameters).forEach((name, value) -> {
      if (!"sign".equals(name) && value != null) {
        text.append(name).append(value);
      }
    });
    byte[] bytes;
    if ("hmac".equals(method)) {
      try {
        Mac mac = Mac.getInstance("HmacMD5");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        bytes = mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8));
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
      return java.util.HexFormat.of().withUpperCase().formatHex(bytes);
    }
    return DigestUtils.md5DigestAsHex((secret + text + secret).getBytes(StandardCharsets.UTF_8)).toUpperCase();
  }
}
