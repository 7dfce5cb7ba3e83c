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

  private static final String ADAPTER = "aftersales.adapters.payment is alipay";

  /** Refuses to start the adapter without what it needs, naming the environment variable to set. */
  void check() {
    StartupRefusedException.requireSet(appId, ADAPTER, "ALIPAY_APP_ID", "the application's APPID");
    StartupRefusedException.requireSet(privateKey, ADAPTER, "ALIPAY_APP_PRIVATE_KEY",
        "the application's private key (RSA2)");
    StartupRefusedException.requireSet(alipayPublicKey, ADAPTER, "ALIPAY_PUBLIC_KEY", "Alipay's public key (支付宝公钥)");
  }
}
