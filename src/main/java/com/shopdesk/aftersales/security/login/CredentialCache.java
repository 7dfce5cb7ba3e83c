package com.shopdesk.aftersales.security.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Remembers for a short while that a user's password was right and which groups and tenants the user is in, so
 * an HTTP Basic client (the product API, the engine REST API) does not cost two to five queries on every
 * request. Only successes are remembered; a wrong password goes to the engine every time (its lockout and the
 * throttle stay in charge) and makes the user's entries be forgotten. The password itself is never kept: a
 * salted digest of it is, with a salt made at start. Any change to users, groups, memberships or tenants empties
 * the cache ({@link IdentityChangeGuard}); on other nodes an entry lives at most {@code ttl}.
 */
@Component
public class CredentialCache {
  private record Entry<T>(T value, long expiresAt) {}

  private final long ttlNanos;
  private final byte[] salt = new byte[16];
  private final ConcurrentHashMap<String, Entry<String>> passwords = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Entry<List<String>>> groups = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Entry<List<String>>> tenants = new ConcurrentHashMap<>();

  public CredentialCache(@Value("${aftersales.security.credential-cache:PT60S}") Duration ttl) {
    this.ttlNanos = ttl.toNanos();
    new SecureRandom().nextBytes(salt);
  }

  /** Whether the password is right: remembered, or asked of {@code check} (the engine) and remembered if so. */
  public boolean passwordMatches(String userId, String password, BooleanSupplier check) {
    String digest = digest(userId, password);
    Entry<String> known = fresh(passwords, userId);
    if (known != null && MessageDigest.isEqual(known.value().getBytes(StandardCharsets.US_ASCII),
        digest.getBytes(StandardCharsets.US_ASCII))) {
      return true;
    }
    if (!check.getAsBoolean()) {
      forget(userId);
      return false;
    }
    remember(passwords, userId, digest);
    return true;
  }

  public List<String> groupsOf(String userId, Supplier<List<String>> load) {
    return cached(groups, userId, load);
  }

  public List<String> tenantsOf(String userId, Supplier<List<String>> load) {
    return cached(tenants, userId, load);
  }

  public void forget(String userId) {
    passwords.remove(userId);
    groups.remove(userId);
    tenants.remove(userId);
  }

  public void clear() {
    passwords.clear();
    groups.clear();
    tenants.clear();
  }

  private <T> T cached(ConcurrentHashMap<String, Entry<T>> cache, String userId, Supplier<T> load) {
    Entry<T> known = fresh(cache, userId);
    if (known != null) {
      return known.value();
    }
    T value = load.get();
    remember(cache, userId, value);
    return value;
  }

  private <T> Entry<T> fresh(ConcurrentHashMap<String, Entry<T>> cache, String userId) {
    Entry<T> entry = cache.get(userId);
    return entry != null && entry.expiresAt() - System.nanoTime() > 0 ? entry : null;
  }

  private <T> void remember(ConcurrentHashMap<String, Entry<T>> cache, String userId, T value) {
    if (ttlNanos > 0) {
      cache.put(userId, new Entry<>(value, System.nanoTime() + ttlNanos));
    }
  }

  private String digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
