package com.shopdesk.aftersales.security.login;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per client address and user, without ever locking the user out: after
 * {@value #FREE_FAILURES} wrong passwords from one address for one user, that address must wait before its
 * next try for that user, 1 s at first, doubling with each further wrong password up to 60 s. The same user
 * from any other address is not held up. A right password, or an hour without a wrong one, forgets the
 * failures. Time is the engine's clock (ClockUtil), so tests can move it.
 */
@Component
public class LoginThrottle {
  private static final int FREE_FAILURES = 5;
  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_DELAY = Duration.ofSeconds(60);
  private static final Duration FORGET_AFTER = Duration.ofHours(1);
  /** Enough for any office; beyond it the oldest failures are forgotten, so guessing cannot fill the memory. */
  private static final int MAX_ENTRIES = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private record Key(String address, String userId) {
    static Key of(String address, String userId) {
      // some databases compare user ids case-insensitively; the throttle must not be sidestepped by case
      return new Key(address, userId.toLowerCase(Locale.ROOT));
    }
  }

  private record Failures(int count, long lastAt, long blockedUntil) {}

  private final Map<Key, Failures> failures = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  /** How long the address must still wait before it may try this user's password again; zero if it may now. */
  synchronized Duration waitBefore(String address, String userId) {
    Failures f = current(Key.of(address, userId));
    long now = now();
    return f == null || f.blockedUntil() <= now ? Duration.ZERO : Duration.ofMillis(f.blockedUntil() - now);
  }

  /**
   * Whether a password check may go ahead now. One let through while throttling starts the next wait at once,
   * as if it had failed, so guesses sent in parallel do not all slip through.
   */
  synchronized boolean admit(String address, String userId) {
    Key key = Key.of(address, userId);
    Failures f = current(key);
    long now = now();
    if (f == null || f.count() < FREE_FAILURES) {
      return true;
    }
    if (f.blockedUntil() > now) {
      return false;
    }
    failures.put(key, new Failures(f.count(), f.lastAt(), now + delayAfter(f.count() + 1).toMillis()));
    return true;
  }

  synchronized void failed(String address, String userId) {
    Key key = Key.of(address, userId);
    Failures f = current(key);
    int count = f == null ? 1 : f.count() + 1;
    long now = now();
    long blockedUntil = count >= FREE_FAILURES ? now + delayAfter(count).toMillis() : 0;
    failures.remove(key); // re-inserted as the newest
    failures.put(key, new Failures(count, now, blockedUntil));
    if (count >= FREE_FAILURES) {
      LOG.warn("{} wrong passwords for user {} from {}: its next try waits {} s", count, userId, address,
          delayAfter(count).toSeconds());
    }
  }

  synchronized void succeeded(String address, String userId) {
    failures.remove(Key.of(address, userId));
  }

  private static Duration delayAfter(int failureCount) {
    int doublings = Math.min(failureCount - FREE_FAILURES, 30);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private Failures current(Key key) {
    Failures f = failures.get(key);
    if (f != null && f.lastAt() + FORGET_AFTER.toMillis() < now()) {
      failures.remove(key);
      return null;
    }
    return f;
  }

  private static long now() {
    return ClockUtil.getCurrentTime().getTime();
  }
}
