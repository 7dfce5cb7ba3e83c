package com.shopdesk.aftersales.courier.sf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.outbound.OutboundHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * SF Express's standard open-platform protocol (丰桥 {@code /std/service}) as SF's own SDKs speak it: a form POST of
 * {@code partnerID}, {@code requestID}, {@code serviceCode}, {@code timestamp} (ms), {@code msgData} (the JSON request)
 * and {@code msgDigest} = Base64(MD5(URLEncode(msgData + timestamp + checkWord, UTF-8))). The answer is
 * {@code {"apiResultCode":"A1000","apiErrorMsg":"","apiResultData":"{\"success\":true,\"errorCode\":\"S0000\",…}"}}:
 * the gateway's verdict, then the service's as a JSON text.
 * <p>
 * A gateway code other than A1000 and a service answer with {@code success:false} are exceptions worded for the
 * manager who sees them in an incident; the service's refusal is an {@link SfRefusedException} carrying SF's code.
 */
final class SfClient {
  /** The gateway's codes as 丰桥's documentation words them; A1005, A1009 and A1099 pass, so they read as an outage. */
  private static final Map<String, String> GATEWAY_CODES = Map.of(
      "A1001", "必传参数不可为空", "A1002", "请求时效已过期", "A1003", "IP 无效", "A1004", "无对应服务权限",
      "A1005", "流量受控", "A1006", "数字签名无效", "A1007", "重复请求", "A1008", "数据解密失败",
      "A1009", "目标服务异常或不可达", "A1099", "系统异常");
  private static final Set<String> PASSING = Set.of("A1005", "A1009", "A1099");

  private final SfSettings settings;
  private final ObjectMapper json;
  private final RestClient http;

  SfClient(SfSettings settings, ObjectMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = OutboundHttp.client(settings.timeout());
  }

  /**
   * Calls a service; returns its {@code msgData} (possibly null). {@code what} names the call in messages
   * ("拦截 顺丰速运 SF1…"); {@code refused} is how SF's refusal starts ("顺丰拒绝拦截 顺丰速运 SF1…").
   */
  JsonNode call(String serviceCode, Map<String, Object> request, String what, String refused) {
    String msgData = write(request);
    String timestamp = String.valueOf(System.currentTimeMillis());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("partnerID", settings.partnerId().strip());
    form.add("requestID", UUID.randomUUID().toString().replace("-", ""));
    form.add("serviceCode", serviceCode);
    form.add("timestamp", timestamp);
    form.add("msgData", msgData);
    form.add("msgDigest", digest(msgData, timestamp, settings.checkWord().strip()));
    String body;
    try {
      body = http.post().uri(settings.gateway()).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
          .retrieve().body(String.class);
    } catch (RestClientException e) {
      throw OutboundHttp.unreachable("顺丰接口", what, e);
    }
    JsonNode answer = read(body, what);
    String apiCode = answer.path("apiResultCode").asText();
    if (!"A1000".equals(apiCode)) {
      String words = (GATEWAY_CODES.getOrDefault(apiCode, "") + " " + answer.path("apiErrorMsg").asText("")).strip();
      if (PASSING.contains(apiCode)) {
        throw new IllegalStateException("顺丰接口暂时无法访问（" + what + "）：" + apiCode + " " + words);
      }
      throw new IllegalStateException("顺丰接口拒绝了请求（" + what + "）：" + apiCode + " " + words
          + ("A1006".equals(apiCode) || "A1004".equals(apiCode)
              ? "（请核对 SF_PARTNER_ID、SF_CHECK_WORD 与 aftersales.sf.gateway 是否同一环境，且该接口已在丰桥开通）" : ""));
    }
    JsonNode data = answer.path("apiResultData");
    JsonNode result = data.isTextual() ? read(data.asText(), what) : data;
    if (!result.path("success").asBoolean(false)) {
      String code = result.path("errorCode").asText("");
      String message = result.path("errorMsg").isNull() ? "" : result.path("errorMsg").asText("");
      throw new SfRefusedException(code, (refused + "：" + code + " " + message).strip());
    }
    return result.get("msgData");
  }

  /** {@code msgDigest}: Base64(MD5(URLEncoder.encode(msgData + timestamp + checkWord, UTF-8))), as SF's SDKs sign. */
  static String digest(String msgData, String timestamp, String checkWord) {
    String encoded = URLEncoder.encode(msgData + timestamp + checkWord, StandardCharsets.UTF_8);
    try {
      byte[] md5 = MessageDigest.getInstance("MD5").digest(encoded.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(md5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body, String what) {
    try {
      JsonNode node = json.readTree(body == null ? "" : body);
      if (node == null || !node.isObject()) throw new IOException("not a JSON object: " + abbreviate(body));
      return node;
    } catch (IOException e) {
      throw new IllegalStateException("顺丰接口的回复无法解析（" + what + "）：" + e.getMessage(), e);
    }
  }

  private String write(Map<String, Object> value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  /** SF's service said no ({@code success:false}); {@link #code()} is its {@code errorCode}. */
  static final class SfRefusedException extends IllegalStateException {
    private final String code;

    SfRefusedException(String code, String message) {
      super(message);
      this.code = code;
    }

    String code() {
      return code;
    }
  }
}
