package com.shopdesk.aftersales.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** "3 working days" as the shop's calendar counts them, from the shipped holiday file. */
class WorkingDaysTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
  @CsvSource({
      "2026-11-18T10:00, 3, 2026-11-23T10:00, ordinary week: Wednesday to Monday across a weekend",
      "2026-11-20T15:00, 3, 2026-11-25T15:00, Friday afternoon to Wednesday",
      "2026-11-21T09:00, 1, 2026-11-23T09:00, from a Saturday the first working day is Monday",
      "2026-09-29T10:00, 3, 2026-10-09T10:00, across the National Day holiday",
      "2026-02-11T10:00, 3, 2026-02-14T10:00, lands on the make-up Saturday before Spring Festival",
      "2026-02-13T10:00, 3, 2026-02-25T10:00, across Spring Festival",
      "2025-09-26T10:00, 1, 2025-09-28T10:00, a make-up Sunday counts",
      "2030-05-01T10:00, 3, 2030-05-06T10:00, a year without data counts Monday to Friday",
  })
  void counts(String from, int days, String expected, String why) throws IOException {
    WorkingDays workingDays = new WorkingDays(new ClassPathResource("calendar/china-holidays.txt"));
    assertThat(workingDays.after(at(from), days)).isEqualTo(at(expected));
  }

  @Test
  void theShippedFileCoversThePublishedYears() throws IOException {
    HolidayCalendar calendar = HolidayCalendar.read(
        new ClassPathResource("calendar/china-holidays.txt").getInputStream(), "shipped file");
    assertThat(calendar.knowsYear(2025)).isTrue();
    assertThat(calendar.knowsYear(2026)).isTrue();
    assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2026-10-01"))).isFalse();
    assertThat(calendar.isWorkingDay(java.time.LocalDate.parse("2026-10-10"))).isTrue();
  }

  @Test
  void aBrokenLineNamesItsLineNumber() {
    var data = new ByteArrayInputStream("2027-01-01 HOLIDAY 元旦\n2027-02-30 HOLIDAY oops\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> HolidayCalendar.read(data, "my-holidays.txt"))
        .hasMessageContaining("my-holidays.txt line 2");
  }
}
