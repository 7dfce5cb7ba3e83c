package com.shopdesk.aftersales.calendar;

import com.shopdesk.aftersales.guard.deploy.DiagramHelper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deadlines in working days for the diagrams: {@code <timeDate>${workingDays.after(3)}</timeDate>}. Counts
 * from the engine's clock (so tests that move it move this too), in the shop's time zone, keeping the
 * time of day: Friday 15:00 plus 3 working days is Wednesday 15:00, unless holidays intervene.
 */
@DiagramHelper
@Component("workingDays")
public class WorkingDays {
  private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");
  private final HolidayCalendar calendar;

  @Autowired
  public WorkingDays(@Value("${aftersales.calendar.holidays:classpath:calendar/china-holidays.txt}") Resource data)
      throws IOException {
    try (InputStream in = data.getInputStream()) {
      this.calendar = HolidayCalendar.read(in, data.getDescription());
    }
  }

  WorkingDays(HolidayCalendar calendar) {
    this.calendar = calendar;
  }

  /** The moment {@code days} working days from now. */
  public Date after(int days) {
    return after(ClockUtil.getCurrentTime(), days);
  }

  public Date after(Date from, int days) {
    LocalDateTime at = LocalDateTime.ofInstant(from.toInstant(), SHOP_ZONE);
    int counted = 0;
    while (counted < days) {
      at = at.plusDays(1);
      if (calendar.isWorkingDay(at.toLocalDate())) {
        counted++;
      }
    }
    return Date.from(at.atZone(SHOP_ZONE).toInstant());
  }
}
