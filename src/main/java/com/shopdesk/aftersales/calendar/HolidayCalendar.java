package com.shopdesk.aftersales.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which days China works: Monday to Friday, minus the published public holidays, plus the published
 * make-up working days (调休). Years without data count Monday to Friday, with one warning per year.
 */
public class HolidayCalendar {
  private static final Logger log = LoggerFactory.getLogger(HolidayCalendar.class);

  private final Map<LocalDate, Boolean> published = new HashMap<>();
  private final Set<Integer> years = new HashSet<>();
  private final Set<Integer> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /** Reads lines {@code YYYY-MM-DD HOLIDAY|WORKDAY note}; '#' starts a comment. */
  public static HolidayCalendar read(InputStream data, String source) throws IOException {
    HolidayCalendar calendar = new HolidayCalendar();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String content = line.replaceFirst("#.*", "").trim();
        if (content.isEmpty()) {
          continue;
        }
        String[] parts = content.split("\\s+", 3);
        try {
          LocalDate day = LocalDate.parse(parts[0]);
          boolean working = switch (parts.length > 1 ? parts[1] : "") {
            case "WORKDAY" -> true;
            case "HOLIDAY" -> false;
            default -> throw new IllegalArgumentException("expected HOLIDAY or WORKDAY");
          };
          calendar.published.put(day, working);
          calendar.years.add(day.getYear());
        } catch (DateTimeParseException | IllegalArgumentException e) {
          throw new IllegalStateException(source + " line " + number + " is not 'YYYY-MM-DD HOLIDAY|WORKDAY note': "
              + line, e);
        }
      }
    }
    return calendar;
  }

  public boolean isWorkingDay(LocalDate day) {
    Boolean known = published.get(day);
    if (known != null) {
      return known;
    }
    if (!years.contains(day.getYear()) && warned.add(day.getYear())) {
      log.warn("No public holidays known for {}: counting Monday to Friday as working days. Add the State "
          + "Council's holiday list for {} to the holiday file.", day.getYear(), day.getYear());
    }
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  public boolean knowsYear(int year) {
    return years.contains(year);
  }
}
