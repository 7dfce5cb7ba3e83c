package com.shopdesk.aftersales.benchmark;

/**
 * The bare reference processes (src/test/resources/benchmark/*.bpmn): the engine doing the same kind of work
 * as the desk's hot paths with nothing of the desk in it, on the same engine and database. Their user tasks
 * are agents' tasks like the desk's, so the app's task listeners run on them too (given caseNo and orderNo).
 */
final class BareProcess {
  /** start → end: one HTTP call to the engine that does nothing else. */
  static final String START_END = "bench-start-end";
  /** start → async → user task {@link #ASYNC_TASK_KEY}: the shape of an intake that stops at an agent. */
  static final String ASYNC_TASK = "bench-async-task";
  static final String ASYNC_TASK_KEY = "asyncTask";
  /** start → three async no-op service tasks → end: the shape of an automatic refund. */
  static final String THREE_ASYNC = "bench-three-async";
  /** start → timer ({@code benchTimer}, a duration) → async → user task {@link #TIMER_TASK_KEY}. */
  static final String TIMER_TASK = "bench-timer-task";
  static final String TIMER_TASK_KEY = "timerTask";
  /** start → user task {@link #OPEN_TASK_KEY}: open agents' tasks, made in bulk. */
  static final String OPEN_TASK = "bench-open-task";
  static final String OPEN_TASK_KEY = "openTask";

  private BareProcess() {}
}
