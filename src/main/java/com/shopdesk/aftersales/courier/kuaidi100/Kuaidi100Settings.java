package com.shopdesk.aftersales.courier.kuaidi100;

import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's 快递100 account ({@code aftersales.kuaidi100.*}; the secrets from the environment): the authorisation
 * key and customer id, the salt 快递100 signs pushes with, where it pushes to, and its two endpoints.
 */
@ConfigurationProperties("aftersales.kuaidi100")
public record Kuaidi100Settings(String key, String customer, String salt, String callbackUrl, URI subscribeUrl,
    URI queryUrl, Duration timeout) {

  private static final String ADAPTER = "aftersales.adapters.tracking is kuaidi100";

  /** Refuses to start the adapter without what it needs, naming the environment variable to set. */
  void check() {
    StartupRefusedException.requireSet(key, ADAPTER, "KUAIDI100_KEY", "the authorisation key (授权 key)");
    StartupRefusedException.requireSet(customer, ADAPTER, "KUAIDI100_CUSTOMER", "the customer id (customer)");
    StartupRefusedException.requireSet(salt, ADAPTER, "KUAIDI100_SALT", "a salt of your own for signing pushes");
    StartupRefusedException.requireSet(callbackUrl, ADAPTER, "KUAIDI100_CALLBACK_URL",
        "the address 快递100 pushes to (https://<host>/api/callbacks/kuaidi100)");
    if (salt.length() > 32) {
      throw new StartupRefusedException("KUAIDI100_SALT is " + salt.length()
          + " characters long; 快递100 takes at most 32.", "Set a shorter salt.");
    }
  }
}
