package com.shopdesk.aftersales.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Cockpit creates its plugin resources itself, outside Spring; they reach the desk's services through the process
 * engine Cockpit serves, whose application registered them here when it started. Keyed by the engine, not one
 * static instance: an application closed in the same JVM (a test's) must not leave its services behind.
 */
@Component
class DeskServices {
  private static final Map<ProcessEngine, DeskServices> BY_ENGINE =
      Collections.synchronizedMap(new IdentityHashMap<>());
  private final ProcessEngine engine;
  final DeskAccess access;
  final CaseStory stories;
  final DeadlineBoard board;
  final DayFigures figures;
  final ObjectMapper json;

  DeskServices(ProcessEngine engine, DeskAccess access, CaseStory stories, DeadlineBoard board, DayFigures figures,
      ObjectMapper json) {
    this.engine = engine;
    this.access = access;
    this.stories = stories;
    this.board = board;
    this.figures = figures;
    this.json = json;
    BY_ENGINE.put(engine, this);
  }

  @PreDestroy
  void close() {
    BY_ENGINE.remove(engine, this);
  }

  static DeskServices of(ProcessEngine engine) {
    DeskServices services = BY_ENGINE.get(engine);
    if (services == null) {
      throw new IllegalStateException("the desk is not started for engine " + engine.getName());
    }
    return services;
  }
}
