package com.shopdesk.aftersales.courier.kuaidi100;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.util.DigestUtils;

/** 快递100's signature: the MD5 of the concatenated texts, in upper-case hex. */
final class Kuaidi100Signature {
  private Kuaidi100Signature() {}

  static String of(String... parts) {
    return DigestUtils.md5DigestAsHex(String.join("", parts).getBytes(StandardCharsets.UTF_8)).toUpperCase();
  }

  /** Compares in constant time, so a forger learns nothing from how fast a wrong signature is refused. */
  static boolean matches(String expected, String given) {
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        given.trim().toUpperCase().getBytes(StandardCharsets.UTF_8));
  }
}
