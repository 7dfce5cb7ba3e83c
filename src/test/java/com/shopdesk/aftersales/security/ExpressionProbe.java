package com.shopdesk.aftersales.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an attacker's expression would call: {@code ${expressionProbe.hit()}}. Its counter proves whether an
 * expression from a request was evaluated; the tests expect it to stay at zero.
 */
@Component
public class ExpressionProbe {
  private final AtomicInteger calls = new AtomicInteger();

  public String hit() {
    calls.incrementAndGet();
    return "agent1";
  }

  public int calls() {
    return calls.get();
  }
}
