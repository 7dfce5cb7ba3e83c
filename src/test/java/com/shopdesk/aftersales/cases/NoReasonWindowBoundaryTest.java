package com.shopdesk.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The window's edge to the nanosecond: closed only after 7 × 24 hours have fully passed. */
class NoReasonWindowBoundaryTest {
  private static final OffsetDateTime SIGNED = OffsetDateTime.parse("2026-11-20T14:03:00+08:00");

  @Test
  void openAtTheLastInstantAndClosedJustAfter() {
    OffsetDateTime end = OffsetDateTime.parse("2026-11-27T14:03:00+08:00");
    assertThat(NoReasonWindow.of(SIGNED, false, end).closed()).isFalse();
    assertThat(NoReasonWindow.of(SIGNED, false, end.plusNanos(1)).closed()).isTrue();
    assertThat(NoReasonWindow.of(SIGNED, false, end.minusMinutes(1)).daysSinceDelivery()).isEqualTo(6);
    assertThat(NoReasonWindow.of(SIGNED, true, end.minusDays(3)).closed()).as("the sign-off time decides").isFalse();
    assertThat(NoReasonWindow.of(SIGNED, false, end).endsAtText()).isEqualTo("2026-11-27 14:03");
  }
}
