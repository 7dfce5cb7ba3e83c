package com.shopdesk.aftersales.payment.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.shopdesk.aftersales.payment.RefundGateway;
import java.math.BigDecimal;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Refunds through Alipay's official SDK ({@code alipay.trade.refund} on the order's Alipay trade, whose
 * {@code out_trade_no} is the shop's order number), with the desk's idempotency key as {@code out_request_no}: Alipay
 * pays one refund per request number. Before paying, it asks {@code alipay.trade.fastpay.refund.query} whether that
 * request number was already refunded (a timeout after Alipay paid, a crash before the ledger wrote it), so a retry
 * never pays again. An answer that is not a clear yes (a timeout, Alipay's system error, an answer whose signature
 * does not check) is an exception: the step retries, querying first, and ends as an incident saying what Alipay
 * said. Returns Alipay's trade number (支付宝交易号) as the refund's reference.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.payment", havingValue = "alipay")
@EnableConfigurationProperties(AlipaySettings.class)
public class AlipayRefunds implements RefundGateway {
  private static final String PAID = "REFUND_SUCCESS";

  private final AlipayClient alipay;

  public AlipayRefunds(AlipaySettings settings) throws AlipayApiException {
    settings.check();
    AlipayConfig config = new AlipayConfig();
    config.setServerUrl(settings.gateway());
    config.setAppId(settings.appId());
    config.setPrivateKey(settings.privateKey());
    config.setAlipayPublicKey(settings.alipayPublicKey());
    config.setFormat("json");
    config.setCharset("UTF-8");
    config.setSignType("RSA2");
    config.setConnectTimeout((int) settings.timeout().toMillis());
    config.setReadTimeout((int) settings.timeout().toMillis());
    this.alipay = new DefaultAlipayClient(config);
  }

  @Override
  public String refund(String idempotencyKey, String orderNo, BigDecimal amount) {
    String requestNo = requestNo(idempotencyKey);
    AlipayTradeFastpayRefundQueryResponse earlier = queryRefund(orderNo, requestNo);
    if (earlier.isSuccess() && PAID.equals(earlier.getRefundStatus())) {
      return earlier.getTradeNo();
    }
    AlipayTradeRefundModel model = new AlipayTradeRefundModel();
    model.setOutTradeNo(orderNo);
    model.setOutRequestNo(requestNo);
    model.setRefundAmount(amount.setScale(2).toPlainString());
    model.setRefundReason("售后退款");
    AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
    request.setBizModel(model);
    AlipayTradeRefundResponse paid = call(request, "退款 " + orderNo + " " + amount.toPlainString());
    if (!paid.isSuccess()) {
      throw refused("退款", orderNo, paid);
    }
    return paid.getTradeNo();
  }

  private AlipayTradeFastpayRefundQueryResponse queryRefund(String orderNo, String requestNo) {
    AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
    model.setOutTradeNo(orderNo);
    model.setOutRequestNo(requestNo);
    AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
    request.setBizModel(model);
    AlipayTradeFastpayRefundQueryResponse answer = call(request, "查询退款 " + requestNo);
    if (!answer.isSuccess() && !"ACQ.TRADE_NOT_EXIST".equals(answer.getSubCode())) {
      throw refused("查询退款", orderNo, answer);
    }
    return answer;
  }

  private <T extends AlipayResponse> T call(com.alipay.api.AlipayRequest<T> request, String what) {
    try {
      return alipay.execute(request);
    } catch (AlipayApiException e) {
      throw new IllegalStateException("支付宝暂时无法确认（" + what + "）：" + (e.getErrMsg() != null ? e.getErrMsg()
          : e.getMessage())
          + "；重试时会先查询，不会重复退款", e);
    }
  }

  private static IllegalStateException refused(String what, String orderNo, AlipayResponse answer) {
    return new IllegalStateException("支付宝拒绝" + what + "（订单 " + orderNo + "）：" + answer.getCode() + " "
        + answer.getMsg() + (answer.getSubCode() == null ? "" : "，" + answer.getSubCode() + " " + answer.getSubMsg()));
  }

  /** Alipay takes letters, digits and underscores in a request number of at most 64 characters. */
  static String requestNo(String idempotencyKey) {
    String safe = idempotencyKey.replaceAll("[^A-Za-z0-9_]", "_");
    if (safe.length() > 64) {
      throw new IllegalArgumentException("退款请求号超过 64 个字符：" + idempotencyKey);
    }
    return safe;
  }
}
