package com.shopdesk.aftersales.security.login;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
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
  private final byte[] salt = new byte[16];
  private final Cache<String, String> passwords;
  private final Cache<String, List<String>> groups;
  private final Cache<String, List<String>> tenants;

  public CredentialCache(@Value("${aftersales.security.credential-cache:PT60S}") Duration ttl) {
    this.passwords = remembering(ttl);
    this.groups = remembering(ttl);
    this.tenants = remembering(ttl);
    new SecureRandom().nextBytes(salt);
  }

  private static <T> Cache<String, T> remembering(Duration ttl) {
    return Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
  }

  /** Whether the password is right: remembered, or asked of {@code check} (the engine) and remembered if so. */
  public boolean passwordMatches(String userId, String password, BooleanSupplier check) {
    String digest = digest(userId, password);
    String known = passwords.getIfPresent(userId);
    if (known != null && MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII),
        digest.getBytes(StandardCharsets.US_ASCII))) {
      return true;
    }
    if (!check.getAsBoolean()) {
      forget(userId);
      return false;
    }
    passwords.put(userId, digest);
    return true;
  }

  public List<String> groupsOf(String userId, Supplier<List<String>> load) {
    return groups.get(userId, u -> load.get());
  }

  public List<String> tenantsOf(String userId, Supplier<List<String>> load) {
    return tenants.get(userId, u -> load.get());
  }

  public void forget(String userId) {
    passwords.invalidate(userId);
    groups.invalidate(userId);
    tenants.invalidate(userId);
  }

  public void clear() {
    passwords.invalidateAll();
    groups.invalidateAll();
    tenants.invalidateAll();
  }

  private String digest(String userId, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(userId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(password.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
