package com.shopdesk.aftersales.security;

import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filter 已超时: tasks past their due date. Stored filters may not contain expressions
 * (switched off for security), so "now" cannot be written as ${now()}: the filter's due-before date is moved
 * forward every minute instead. Each reader sees only the overdue tasks they may see anyway.
 */
@Component
public class OverdueFilter {
  static final String NAME = "已超时";
  private final FilterService filters;
  private final TaskService tasks;

  public OverdueFilter(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  /** Once per cluster: the node that runs it keeps the chore for 55 s of its minute, so the others skip their turn. */
  @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
  @SchedulerLock(name = "overdue-filter", lockAtLeastFor = "PT55S")
  public void refreshEveryMinute() {
    refresh();
  }

  /** Creates the filter the first time; moves its due-before date to now. */
  public Filter refresh() {
    Filter filter = filters.createFilterQuery().filterName(NAME).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(NAME).setProperties(Map.of(
          "description", "已过截止时间仍未完成的任务，最早到期的在前",
          "priority", 20,
          "color", "#c0392b",
          "refresh", true,
          "variables", List.of(
              Map.of("name", "caseNo", "label", "售后单号"),
              Map.of("name", "orderNo", "label", "订单号"))));
    }
    filter.setQuery(tasks.createTaskQuery().dueBefore(ClockUtil.getCurrentTime()).orderByDueDate().asc());
    try {
      return filters.saveFilter(filter);
    } catch (OptimisticLockingException anotherNodeJustDidIt) {
      return filters.createFilterQuery().filterName(NAME).singleResult();
    }
  }
}
