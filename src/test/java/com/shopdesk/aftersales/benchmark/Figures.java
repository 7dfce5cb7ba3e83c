package com.shopdesk.aftersales.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One side's figures for one kind of work: the rate (per second; the median of its rounds), the latency
 * percentiles over every operation of every round (ms), and SQL statements per operation (all statements
 * the app's pool ran during the rounds, the drains included, over the operations). A rate or SQL count that
 * means nothing for the work (a few cases measured inside other work) is NaN and prints as "—".
 */
record Figures(double rate, double p50, double p95, double sqlPerOp, int operations) {

  /** One round: its operations, the time from the first request until their work was done, its statements. */
  record Round(int operations, long nanos, List<Long> latencyNanos, long statements) {
    double rate() {
      return operations / (nanos / 1e9);
    }
  }

  static Figures of(List<Round> rounds) {
    List<Long> latencies = new ArrayList<>();
    long statements = 0;
    int operations = 0;
    List<Double> rates = new ArrayList<>();
    for (Round r : rounds) {
      latencies.addAll(r.latencyNanos());
      statements += r.statements();
      operations += r.operations();
      rates.add(r.rate());
    }
    return new Figures(median(rates), percentile(latencies, 50), percentile(latencies, 95),
        (double) statements / operations, operations);
  }

  /** Only the latencies of the rounds: their rate and statements belong to the work they ran inside. */
  static Figures latencyOnly(List<Round> rounds) {
    Figures all = of(rounds);
    return new Figures(Double.NaN, all.p50(), all.p95(), Double.NaN, all.operations());
  }

  /** Nearest-rank percentile of nanosecond values, in ms. */
  static double percentile(Collection<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      throw new IllegalArgumentException("no latencies");
    }
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
