package com.shopdesk.aftersales.platform.top;

import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's Taobao Open Platform application ({@code aftersales.top.*}; the secrets from the environment): app key
 * and secret, the seller's session key (授权), how requests are signed ({@code md5} or {@code hmac}), the gateway.
 */
@ConfigurationProperties("aftersales.top")
public record TopSettings(String appKey, String appSecret, String session, String signMethod, String gateway,
    Duration timeout) {

  private static final String ADAPTER = "aftersales.adapters.platform is taobao";

  /** Refuses to start the adapter without what it needs, naming the environment variable to set. */
  void check() {
    StartupRefusedException.requireSet(appKey, ADAPTER, "TOP_APP_KEY", "the application's App Key");
    StartupRefusedException.requireSet(appSecret, ADAPTER, "TOP_APP_SECRET", "the application's App Secret");
    StartupRefusedException.requireSet(session, ADAPTER, "TOP_SESSION_KEY",
        "the seller's session key (授权后的 SessionKey)");
    if (!"md5".equals(signMethod) && !"hmac".equals(signMethod)) {
      throw new StartupRefusedException("aftersales.top.sign-method is '" + signMethod + "'.",
          "Set it to md5 or hmac, as the application is configured on the Taobao Open Platform.");
    }
  }
}
