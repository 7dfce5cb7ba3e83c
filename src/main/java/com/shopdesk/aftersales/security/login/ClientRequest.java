package com.shopdesk.aftersales.security.login;

/**
 * The address of the HTTP client the current thread serves, as the engine's password check sees it, handed
 * over by LoginThrottleFilter.
 */
final class ClientRequest {
  private static final ThreadLocal<String> ADDRESS = new ThreadLocal<>();

  private ClientRequest() {}

  /** The client's address, or null outside a request (the engine's own threads, in-process callers). */
  static String address() {
    return ADDRESS.get();
  }

  static void begin(String address) {
    ADDRESS.set(address);
  }

  static void end() {
    ADDRESS.remove();
  }
}
