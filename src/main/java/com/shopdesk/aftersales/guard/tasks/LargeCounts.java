package com.shopdesk.aftersales.guard.tasks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.session.Configuration;

/**
 * Task counts of {@value #LARGE} or more, shared for a short while by everyone whose count is the same statement
 * with the same values. Tasklist counts each filter on every refresh, for every agent who has it open; at 100,000
 * open tasks one count reads all of them (about half a second), while the agents see the same number give or
 * take the few tasks of the last seconds. Counts below {@value #LARGE} are counted afresh each time, so a desk
 * that is not flooded sees its exact numbers; and one count runs at a time per statement and values, the others
 * asking meanwhile wait for it instead of reading the same 100,000 rows next to it.
 */
final class LargeCounts {
  static final long LARGE = 1_000;
  private final Cache<List<Object>, CompletableFuture<Long>> counts;
  private final boolean enabled;

  LargeCounts(Duration sharedFor) {
    this.enabled = !sharedFor.isZero() && !sharedFor.isNegative();
    this.counts = Caffeine.newBuilder().expireAfterWrite(enabled ? sharedFor : Duration.ofMillis(1))
        .maximumSize(1_000).build();
  }

  /** The count of the statement with its parameter: shared if large, else counted now by {@code count}. */
  long count(Configuration mybatis, String statement, Object parameter, LongSupplier count) {
    if (!enabled) {
      return count.getAsLong();
    }
    List<Object> key = key(mybatis, statement, parameter);
    CompletableFuture<Long> mine = new CompletableFuture<>();
    CompletableFuture<Long> shared = counts.asMap().putIfAbsent(key, mine);
    if (shared != null) {
      try {
        return shared.join();
      } catch (CompletionException e) {
        return count.getAsLong(); // the count it waited for failed in the other request; this one counts itself
      }
    }
    try {
      long n = count.getAsLong();
      mine.complete(n);
      if (n < LARGE) {
        counts.asMap().remove(key, mine);
      }
      return n;
    } catch (RuntimeException | Error e) {
      counts.asMap().remove(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** The SQL MyBatis makes of the statement and the values it binds: equal for the same count. */
  private static List<Object> key(Configuration mybatis, String statement, Object parameter) {
    BoundSql bound = mybatis.getMappedStatement(statement).getBoundSql(parameter);
    MetaObject meta = mybatis.newMetaObject(parameter);
    List<Object> key = new ArrayList<>();
    key.add(bound.getSql());
    for (ParameterMapping mapping : bound.getParameterMappings()) {
      String property = mapping.getProperty();
      key.add(bound.hasAdditionalParameter(property) ? bound.getAdditionalParameter(property)
          : meta.getValue(property));
    }
    return key;
  }
}
