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

  void check() {
    require(appKey, "TOP_APP_KEY", "the application's App Key");
    require(appSecret, "TOP_APP_SECRET", "the application's App Secret");
    require(session, "TOP_SESSION_KEY", "the seller's session key (授权后的 SessionKey)");
    if (!"md5".equals(signMethod) && !"hmac".equals(signMethod)) {
      throw new StartupRefusedException("aftersales.top.sign-method is '" + signMethod + "'.",
          "Set it to md5 or hmac, as the application is configured on the Taobao Open Platform.");
    }
  }

  private static void require(String value, String variable, String what) {
    if (value == null || value.isBlank()) {
      throw new StartupRefusedException("aftersales.adapters.platform is taobao but " + variable + " (" + what
          + ") is not set.", "Set " + variable + " in the environment, or use aftersales.adapters.platform=sandbox.");
    }
  }
}
