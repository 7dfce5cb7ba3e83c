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

  /** Refuses to start the adapter without what it needs, naming the environment variable to set. */
  void check() {
    require(key, "KUAIDI100_KEY", "the authorisation key (授权 key)");
    require(customer, "KUAIDI100_CUSTOMER", "the customer id (customer)");
    require(salt, "KUAIDI100_SALT", "a salt of your own for signing pushes");
    require(callbackUrl, "KUAIDI100_CALLBACK_URL", "the address 快递100 pushes to (https://<host>/api/callbacks/kuaidi100)");
    if (salt.length() > 32) {
      throw new StartupRefusedException("KUAIDI100_SALT is " + salt.length() + " characters long; 快递100 takes at most 32.",
          "Set a shorter salt.");
    }
  }

  private static void require(String value, String variable, String what) {
    if (value == null || value.isBlank()) {
      throw new StartupRefusedException("aftersales.adapters.tracking is kuaidi100 but " + variable + " (" + what
          + ") is not set.", "Set " + variable + " in the environment, or use aftersales.adapters.tracking=sandbox.");
    }
  }
}
