package com.shopdesk.aftersales.payment.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayConfig;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayFundTransCommonQueryModel;
import com.alipay.api.domain.AlipayFundTransUniTransferModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.Participant;
import com.alipay.api.request.AlipayFundTransCommonQueryRequest;
import com.alipay.api.request.AlipayFundTransUniTransferRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.response.AlipayFundTransCommonQueryResponse;
import com.alipay.api.response.AlipayFundTransUniTransferResponse;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import com.shopdesk.aftersales.payment.Payee;
import com.shopdesk.aftersales.payment.RefundGateway;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
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
 * <p>
 * Transfers to a buyer's Alipay account ({@code alipay.fund.trans.uni.transfer}, 单笔无密转账到支付宝账户: product
 * {@code TRANS_ACCOUNT_NO_PWD}, scene {@code DIRECT_TRANSFER}, the payee by login id with the buyer's name) go the
 * same way, with the idempotency key as {@code out_biz_no}: first {@code alipay.fund.trans.common.query} by that
 * number — a transfer already SUCCESS is returned, never paid again; one still being processed is an exception to
 * retry later; only when Alipay knows no such transfer ({@code ORDER_NOT_EXIST}) or says it failed is the transfer
 * sent. Returns Alipay's transfer order number (支付宝转账单据号) as the reference.
 */
@Component
@ConditionalOnProperty(name = "aftersales.adapters.payment", havingValue = "alipay")
@EnableConfigurationProperties(AlipaySettings.class)
public class AlipayRefunds implements RefundGateway {
  private static final String PAID = "REFUND_SUCCESS";
  static final String TRANSFER_PRODUCT = "TRANS_ACCOUNT_NO_PWD";
  static final String TRANSFER_SCENE = "DIRECT_TRANSFER";
  static final String PAYEE_BY_LOGIN = "ALIPAY_LOGON_ID";
  private static final String TRANSFERRED = "SUCCESS";
  /** Query statuses that say the transfer under this number moved no money and may be sent (again). */
  private static final Set<String> NOT_TRANSFERRED = Set.of("FAIL", "CLOSED");
  /** What a manager does about Alipay's refusals of a transfer, by sub_code. */
  private static final Map<String, String> TRANSFER_FIXES = Map.of(
      "PAYEE_NOT_EXIST", "请核对订单中买家的支付宝账号（buyer.alipayAccount）后在 Cockpit 重试",
      "PAYEE_USER_INFO_ERROR", "请核对买家的支付宝账号和姓名（buyer.name 须是账号的实名）后在 Cockpit 重试",
      "PAYEE_ACCOUNT_STATUS_ERROR", "买家的支付宝账户状态异常，请联系买家换一个账号后在 Cockpit 重试",
      "BALANCE_IS_NOT_ENOUGH", "请为店铺的支付宝账户充值后在 Cockpit 重试",
      "PAYER_BALANCE_NOT_ENOUGH", "请为店铺的支付宝账户充值后在 Cockpit 重试",
      "EXCEED_LIMIT_DM_AMOUNT", "超过单日转账限额，请次日在 Cockpit 重试");

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
    AlipayTradeRefundResponse paid = call(request, "退款 " + orderNo + " " + amount.toPlainString(), "退款");
    if (!paid.isSuccess()) {
      throw refused("退款", orderNo, paid);
    }
    return paid.getTradeNo();
  }

  @Override
  public String transfer(String idempotencyKey, String orderNo, Payee payee, BigDecimal amount) {
    String outBizNo = requestNo(idempotencyKey);
    AlipayFundTransCommonQueryResponse earlier = queryTransfer(orderNo, outBizNo);
    if (earlier != null) {
      if (TRANSFERRED.equals(earlier.getStatus())) {
        return reference(earlier.getOrderId(), earlier.getPayFundOrderId());
      }
      if (!NOT_TRANSFERRED.contains(earlier.getStatus())) {
        throw new IllegalStateException("支付宝转账（订单 " + orderNo + "，转账单号 " + outBizNo + "）仍在处理中："
            + earlier.getStatus() + "；稍后重试时会先查询，不会重复转账");
      }
    }
    Participant payeeInfo = new Participant();
    payeeInfo.setIdentity(payee.alipayAccount());
    payeeInfo.setIdentityType(PAYEE_BY_LOGIN);
    if (payee.name() != null && !payee.name().isBlank()) {
      payeeInfo.setName(payee.name());
    }
    AlipayFundTransUniTransferModel model = new AlipayFundTransUniTransferModel();
    model.setOutBizNo(outBizNo);
    model.setTransAmount(amount.setScale(2).toPlainString());
    model.setProductCode(TRANSFER_PRODUCT);
    model.setBizScene(TRANSFER_SCENE);
    model.setOrderTitle("售后补偿 " + orderNo);
    model.setRemark("售后补偿");
    model.setPayeeInfo(payeeInfo);
    AlipayFundTransUniTransferRequest request = new AlipayFundTransUniTransferRequest();
    request.setBizModel(model);
    AlipayFundTransUniTransferResponse paid = callTransfer(request, "转账 " + orderNo + " " + amount.toPlainString());
    if (!paid.isSuccess()) {
      IllegalStateException refused = refused("转账", orderNo, paid);
      String fix = TRANSFER_FIXES.get(paid.getSubCode());
      throw fix == null ? refused : new IllegalStateException(refused.getMessage() + "。" + fix);
    }
    if (TRANSFERRED.equals(paid.getStatus())) {
      return reference(paid.getOrderId(), paid.getPayFundOrderId());
    }
    if (NOT_TRANSFERRED.contains(paid.getStatus())) {
      throw new IllegalStateException("支付宝转账失败（订单 " + orderNo + "）：" + paid.getStatus()
          + (paid.getSubStatus() == null ? "" : " " + paid.getSubStatus()));
    }
    throw new IllegalStateException("支付宝转账（订单 " + orderNo + "，转账单号 " + outBizNo + "）尚未确认："
        + paid.getStatus() + "；稍后重试时会先查询，不会重复转账");
  }

  /** The earlier transfer under this number, or null when Alipay knows none. */
  private AlipayFundTransCommonQueryResponse queryTransfer(String orderNo, String outBizNo) {
    AlipayFundTransCommonQueryModel model = new AlipayFundTransCommonQueryModel();
    model.setOutBizNo(outBizNo);
    model.setProductCode(TRANSFER_PRODUCT);
    model.setBizScene(TRANSFER_SCENE);
    AlipayFundTransCommonQueryRequest request = new AlipayFundTransCommonQueryRequest();
    request.setBizModel(model);
    AlipayFundTransCommonQueryResponse answer = callTransfer(request, "查询转账 " + outBizNo);
    if (answer.isSuccess()) {
      return answer;
    }
    if ("ORDER_NOT_EXIST".equals(answer.getSubCode())) {
      return null;
    }
    throw refused("查询转账", orderNo, answer);
  }

  /** Alipay's transfer order number (支付宝转账单据号), else its fund flow number. */
  private static String reference(String orderId, String payFundOrderId) {
    return orderId != null && !orderId.isBlank() ? orderId : payFundOrderId;
  }

  private AlipayTradeFastpayRefundQueryResponse queryRefund(String orderNo, String requestNo) {
    AlipayTradeFastpayRefundQueryModel model = new AlipayTradeFastpayRefundQueryModel();
    model.setOutTradeNo(orderNo);
    model.setOutRequestNo(requestNo);
    AlipayTradeFastpayRefundQueryRequest request = new AlipayTradeFastpayRefundQueryRequest();
    request.setBizModel(model);
    AlipayTradeFastpayRefundQueryResponse answer = call(request, "查询退款 " + requestNo, "退款");
    if (!answer.isSuccess() && !"ACQ.TRADE_NOT_EXIST".equals(answer.getSubCode())) {
      throw refused("查询退款", orderNo, answer);
    }
    return answer;
  }

  /** {@code what}: the call, for the message; {@code kind}: 退款 or 转账, what a retry will not do twice. */
  private <T extends AlipayResponse> T call(com.alipay.api.AlipayRequest<T> request, String what, String kind) {
    try {
      return alipay.execute(request);
    } catch (AlipayApiException e) {
      throw unclear(what, e.getErrMsg() != null ? e.getErrMsg() : e.getMessage(), kind, e);
    }
  }

  /**
   * A transfer call, where Alipay's "service unavailable" (code 20000) or a SYSTEM_ERROR sub-code is not a refusal but
   * an answer that does not say whether it was carried out.
   */
  private <T extends AlipayResponse> T callTransfer(com.alipay.api.AlipayRequest<T> request, String what) {
    T answer = call(request, what, "转账");
    if ("20000".equals(answer.getCode()) || (answer.getSubCode() != null
        && answer.getSubCode().endsWith("SYSTEM_ERROR"))) {
      throw unclear(what, answer.getCode() + " " + answer.getMsg() + (answer.getSubCode() == null ? ""
          : "，" + answer.getSubCode() + " " + answer.getSubMsg()), "转账", null);
    }
    return answer;
  }

  private static IllegalStateException unclear(String what, String said, String kind, Exception cause) {
    return new IllegalStateException("支付宝暂时无法确认（" + what + "）：" + said + "；重试时会先查询，不会重复" + kind,
        cause);
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
