package com.shopdesk.aftersales.security.login;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The HTTP request the current thread serves, as the engine's password check sees it: the client's address,
 * handed over by LoginThrottleFilter, and the users whose wrong password this request has already counted.
 * A request is one attempt even where it checks the same password twice (Spring Security asks its parent
 * authentication manager again after a wrong password).
 */
final class ClientRequest {
  private static final ThreadLocal<ClientRequest> CURRENT = new ThreadLocal<>();
  private final String address;
  private final Set<String> failedUsers = new HashSet<>();

  private ClientRequest(String address) {
    this.address = address;
  }

  /** The request this thread serves, or null outside one (the engine's own threads, in-process callers). */
  static ClientRequest current() {
    return CURRENT.get();
  }

  static void begin(String address) {
    CURRENT.set(new ClientRequest(address));
  }

  static void end() {
    CURRENT.remove();
  }

  String address() {
    return address;
  }

  /** True the first time this request failed the user's password. */
  boolean firstFailureOf(String userId) {
    return failedUsers.add(userId.toLowerCase(Locale.ROOT));
  }
}
