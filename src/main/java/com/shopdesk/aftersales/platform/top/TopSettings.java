package com.shopdesk.aftersales.platform.top;

import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's Taobao Open Platform application ({@code aftersales.top.*}; the secrets from the environment): app key
 * and secret, the seller's session key (授权), how requests are signed ({@code md5} or {@code hmac}), the gateway.
 * <p>
 * What the platform does not say and the desk needs: {@code category}, the category every line of an imported
 * order gets (TOP's item categories are not the shop's; the return-address decision has a catch-all row for it);
 * {@code returnContactName}/{@code returnContactPhone}, the receiver (收件人) and phone the buyer is given with the
 * return address when a return is agreed ({@code TOP_RETURN_CONTACT_NAME}/{@code TOP_RETURN_CONTACT_PHONE}).
 */
@ConfigurationProperties("aftersales.top")
public record TopSettings(String appKey, String appSecret, String session, String signMethod, String gateway,
    Duration timeout, String category, String returnContactName, String returnContactPhone) {

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

  /** The category of an imported order's lines; "general" when unset. */
  public String itemCategory() {
    return category == null || category.isBlank() ? "general" : category.strip();
  }

  /** The return's receiver; "售后组" when unset. */
  public String returnContact() {
    return returnContactName == null || returnContactName.isBlank() ? "售后组" : returnContactName.strip();
  }
}
