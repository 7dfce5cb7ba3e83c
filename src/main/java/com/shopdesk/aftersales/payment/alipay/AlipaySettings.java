package com.shopdesk.aftersales.payment.alipay;

import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's Alipay application ({@code aftersales.alipay.*}; the keys from the environment): its app id, the app's
 * private key (RSA2, PKCS#8, base64 without header lines), Alipay's public key to check its answers, the gateway.
 */
@ConfigurationProperties("aftersales.alipay")
public record AlipaySettings(String appId, String privateKey, String alipayPublicKey, String gateway,
    Duration timeout) {

  void check() {
    require(appId, "ALIPAY_APP_ID", "the application's APPID");
    require(privateKey, "ALIPAY_APP_PRIVATE_KEY", "the application's private key (RSA2)");
    require(alipayPublicKey, "ALIPAY_PUBLIC_KEY", "Alipay's public key (支付宝公钥)");
  }

  private static void require(String value, String variable, String what) {
    if (value == null || value.isBlank()) {
      throw new StartupRefusedException("aftersales.adapters.payment is alipay but " + variable + " (" + what
          + ") is not set.", "Set " + variable + " in the environment, or use aftersales.adapters.payment=sandbox.");
    }
  }
}
