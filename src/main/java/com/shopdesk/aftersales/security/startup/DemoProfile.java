package com.shopdesk.aftersales.security.startup;

/**
 * What "demo" means to the desk: the demo and test profiles set {@value #ENABLED} to true, and only there
 * may anybody have a known password.
 */
final class DemoProfile {
  static final String ENABLED = "aftersales.demo-users.enabled";
  /** The password application-demo.yaml gives the admin and every demo user. */
  static final String PASSWORD = "demo";

  private DemoProfile() {}
}
