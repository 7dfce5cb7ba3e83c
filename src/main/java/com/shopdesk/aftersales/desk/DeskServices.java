package com.shopdesk.aftersales.desk;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Cockpit creates its plugin resources itself, outside Spring; they reach the desk's services through this one
 * holder, filled when the application starts.
 */
@Component
class DeskServices {
  private static volatile DeskServices current;
  final DeskAccess access;
  final CaseStory stories;
  final DeadlineBoard board;
  final DayFigures figures;
  final ObjectMapper json;

  DeskServices(DeskAccess access, CaseStory stories, DeadlineBoard board, DayFigures figures, ObjectMapper json) {
    this.access = access;
    this.stories = stories;
    this.board = board;
    this.figures = figures;
    this.json = json;
    current = this;
  }

  static DeskServices get() {
    DeskServices beans = current;
    if (beans == null) {
      throw new IllegalStateException("the desk is not started yet");
    }
    return beans;
  }
}
