package com.shopdesk.aftersales.courier.sf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.courier.Carriers;
import com.shopdesk.aftersales.courier.CourierGateway;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Interceptions of SF Express (顺丰) parcels through SF's own open platform (丰桥, 截单转寄退回
 * {@code EXP_RECE_WANTED_INTERCEPT}), switched on by {@code aftersales.adapters.sf-interception=true}. It is the
 * primary {@link CourierGateway} and wraps the configured courier adapter ({@code aftersales.adapters.courier}):
 * for carrier {@code SF} an interception is asked of SF as 退回 (serviceCode 2, back to the sender, asked by the
 * sender, role 1) and called off with the same instruction and {@code cancel:true}; every other call, and every
 * other carrier, goes to the wrapped adapter unchanged. With the property off this bean does not exist.
 * <p>
 * SF's answer is not the outcome: that arrives later as the parcel's scans (快递100: 退回 → {@code RETURNING}).
 * Both calls are safe to repeat: a step retried after a timeout sends the same instruction again, and an SF error
 * code listed in {@code aftersales.sf.already-done-codes} (the interception already exists / is already called off)
 * counts as done. Any other refusal, or SF out of reach, is an exception the step retries and then leaves as an
 * incident in SF's words.
 */
@Component
@Primary
@ConditionalOnProperty(name = SfSettings.PROPERTY, havingValue = "true")
@EnableConfigurationProperties(SfSettings.class)
public class SfInterception implements CourierGateway, SmartInitializingSingleton {
  static final String SERVICE = "EXP_RECE_WANTED_INTERCEPT";
  /** 退回: the parcel goes back to the sender. */
  static final String RETURN_TO_SENDER = "2";
  /** The instruction is the sender's (寄方). */
  static final String SENDER = "1";

  private static final Logger log = LoggerFactory.getLogger(SfInterception.class);

  private final SfSettings settings;
  private final SfClient sf;
  private final ObjectProvider<CourierGateway> gateways;
  private volatile CourierGateway wrapped;

  public SfInterception(SfSettings settings, ObjectMapper json, ObjectProvider<CourierGateway> gateways) {
    settings.check();
    this.settings = settings;
    this.sf = new SfClient(settings, json);
    this.gateways = gateways;
  }

  /** Finds the wrapped adapter once every bean exists, so a wiring mistake stops the start, not a case. */
  @Override
  public void afterSingletonsInstantiated() {
    wrapped();
  }

  /** The courier adapter this one wraps: the one other {@link CourierGateway} bean. */
  CourierGateway wrapped() {
    CourierGateway found = wrapped;
    if (found == null) {
      List<CourierGateway> others = gateways.stream().filter(g -> !(g instanceof SfInterception)).toList();
      if (others.size() != 1) {
        throw new IllegalStateException(SfSettings.PROPERTY + " wraps the courier adapter chosen by "
            + "aftersales.adapters.courier, but there are " + others.size() + " of them: " + others);
      }
      found = others.get(0);
      wrapped = found;
    }
    return found;
  }

  @Override
  public boolean interceptsByApi(String carrier) {
    return isSf(carrier) || wrapped().interceptsByApi(carrier);
  }

  @Override
  public void requestInterception(String carrier, String trackingNo) {
    if (!isSf(carrier)) {
      wrapped().requestInterception(carrier, trackingNo);
      return;
    }
    String parcel = Carriers.parcel(carrier, trackingNo);
    JsonNode answer = instruct(trackingNo, false, "拦截 " + parcel, "顺丰拒绝拦截 " + parcel);
    if (answer != null && answer.hasNonNull("cusId")) {
      log.info("SF took the interception of {} (instruction {})", parcel, answer.get("cusId").asText());
    }
  }

  @Override
  public void callOffInterception(String carrier, String trackingNo) {
    if (!isSf(carrier)) {
      wrapped().callOffInterception(carrier, trackingNo);
      return;
    }
    String parcel = Carriers.parcel(carrier, trackingNo);
    instruct(trackingNo, true, "撤销拦截 " + parcel, "顺丰拒绝撤销拦截 " + parcel);
  }

  @Override
  public void urge(String carrier, String trackingNo) {
    wrapped().urge(carrier, trackingNo);
  }

  @Override
  public void openInvestigation(String carrier, String trackingNo) {
    wrapped().openInvestigation(carrier, trackingNo);
  }

  @Override
  public Optional<Integer> pickupWeightGrams(String carrier, String trackingNo) {
    return wrapped().pickupWeightGrams(carrier, trackingNo);
  }

  @Override
  public void fileClaim(Claim claim) {
    wrapped().fileClaim(claim);
  }

  /**
   * Not sent to SF: 截单转寄退回 has a 转寄 service besides 退回, but the fields it wants for the new address could not
   * be confirmed from SF's public material, so an SF redirect goes to the wrapped adapter like every other carrier.
   */
  @Override
  public RedirectAnswer redirect(Redirect redirect) {
    return wrapped().redirect(redirect);
  }

  /** The 退回 instruction for the waybill, or (cancel) its calling off; SF's msgData, or null when repeated. */
  private JsonNode instruct(String waybillNo, boolean cancel, String what, String refused) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("waybillNo", waybillNo);
    request.put("serviceCode", RETURN_TO_SENDER);
    request.put("role", SENDER);
    request.put("payMode", settings.payMode());
    String card = settings.monthlyCardForPayMode();
    if (card != null) request.put("monthlyCardNo", card);
    request.put("cancel", cancel);
    try {
      return sf.call(SERVICE, request, what, refused);
    } catch (SfClient.SfRefusedException e) {
      if (settings.alreadyDoneCodes().contains(e.code().toUpperCase(Locale.ROOT))) {
        log.info("{}: SF answered {}, which aftersales.sf.already-done-codes counts as done", what, e.getMessage());
        return null;
      }
      throw e;
    }
  }

  private static boolean isSf(String carrier) {
    return carrier != null && carrier.strip().equalsIgnoreCase("SF");
  }
}
