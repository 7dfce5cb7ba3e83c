package com.shopdesk.aftersales.security;

import com.shopdesk.aftersales.guard.deploy.DiagramHelper;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean an attacker's expression would call: {@code ${expressionProbe.hit()}}. Its counter proves whether an
 * expression from a request was evaluated; the tests expect it to stay at zero. A diagram helper, so that
 * expressions could reach it at all: the tests prove the guard refuses the query, not that the bean is hidden.
 */
@Component
@DiagramHelper
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
