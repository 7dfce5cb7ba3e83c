package com.shopdesk.aftersales.courier.sf;

import com.shopdesk.aftersales.security.startup.StartupRefusedException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shop's account on SF Express's open platform 丰桥 ({@code aftersales.sf.*}; the secrets from the environment):
 * the customer code (顾客编码, {@code partnerID}) and check word (校验码) every request is signed with, the gateway
 * ({@code https://bspgw.sf-express.com/std/service}; SF's sandbox is {@code https://sfapi-sbox.sf-express.com/std/service}),
 * how long a call may take.
 * <p>
 * What an interception (截单转寄/退回) pays with: {@code payMode} as 丰桥 numbers it (1 寄付现结, 2 到付现结,
 * 3 寄付转第三方月结, 4 寄付月结, the default) and, for 3 and 4, the monthly card (月结卡号, {@code SF_MONTHLY_CARD}).
 * {@code alreadyDoneCodes}: SF error codes that mean "this interception already exists / is already called off", which
 * a repeated request then counts as done (none is published that we could confirm; add the code SF gives once seen).
 */
@ConfigurationProperties("aftersales.sf")
public record SfSettings(String partnerId, String checkWord, String monthlyCard, String payMode, URI gateway,
    Duration timeout, Set<String> alreadyDoneCodes) {

  static final String PROPERTY = "aftersales.adapters.sf-interception";
  private static final Set<String> PAY_MODES = Set.of("1", "2", "3", "4");

  public SfSettings {
    payMode = payMode == null || payMode.isBlank() ? "4" : payMode.strip();
    gateway = gateway == null ? URI.create("https://bspgw.sf-express.com/std/service") : gateway;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    alreadyDoneCodes = alreadyDoneCodes == null ? Set.of() : alreadyDoneCodes.stream().map(String::strip)
        .filter(code -> !code.isEmpty()).map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
  }

  /** Refuses to start the SF interception without what it needs, naming the environment variable to set. */
  void check() {
    require(partnerId, "SF_PARTNER_ID", "the customer code (顾客编码) from 丰桥");
    require(checkWord, "SF_CHECK_WORD", "the check word (校验码) from 丰桥");
    if (!PAY_MODES.contains(payMode)) {
      throw new StartupRefusedException("aftersales.sf.pay-mode is '" + payMode + "'.",
          "Set it to 1 (寄付现结), 2 (到付现结), 3 (寄付转第三方月结) or 4 (寄付月结).");
    }
    if (payMode.equals("3") || payMode.equals("4")) {
      require(monthlyCard, "SF_MONTHLY_CARD", "the monthly card (月结卡号) interceptions are paid from with pay-mode "
          + payMode);
    }
  }

  /** The monthly card, when the pay mode uses one. */
  String monthlyCardForPayMode() {
    return payMode.equals("3") || payMode.equals("4") ? monthlyCard.strip() : null;
  }

  private static void require(String value, String variable, String what) {
    if (value == null || value.isBlank()) {
      throw new StartupRefusedException(PROPERTY + " is true but " + variable + " (" + what + ") is not set.",
          "Set " + variable + " in the environment, or set " + PROPERTY + "=false.");
    }
  }
}
