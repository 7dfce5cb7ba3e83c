package com.shopdesk.aftersales.benchmark;

/**
 * One line of the table: figures in the project column and the bare column, and their ratio. A rate row compares
 * throughput (ratio: project rate / bare rate). A latency row compares medians (ratio: project p50 / bare p50);
 * the scale rows put the same call at a large size in the project column and at a small size in the bare
 * column. A side left out (null) prints as "—", with {@code note} saying why.
 */
record Row(String id, String work, String unit, Kind kind, Figures project, Figures bare, String target,
    String note) {

  enum Kind { RATE, LATENCY }

  static Row rate(String id, String work, String unit, Figures project, Figures bare, String target) {
    return new Row(id, work, unit, Kind.RATE, project, bare, target, null);
  }

  static Row latency(String id, String work, String unit, Figures project, Figures bare, String target) {
    return new Row(id, work, unit, Kind.LATENCY, project, bare, target, null);
  }

  Row withNote(String text) {
    return new Row(id, work, unit, kind, project, bare, target, text);
  }

  /** Null when a side is missing. */
  Double ratio() {
    if (project == null || bare == null) {
      return null;
    }
    return kind == Kind.RATE ? project.rate() / bare.rate() : project.p50() / bare.p50();
  }
}
