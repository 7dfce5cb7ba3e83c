package com.shopdesk.aftersales.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs work in rounds: a fixed number of operations from a fixed number of client threads, then waits until
 * the work they caused is done (the jobs drained), polling the database every {@link #POLL} on the benchmark's
 * own, uncounted connection. The project and the bare side alternate round by round, so a slow moment of the
 * shared machine hits both.
 */
final class Rounds {
  static final Duration POLL = Duration.ofMillis(20);
  private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

  /**
   * One operation as a client sent it: what it created (a case number or an instance id), its process instance,
   * when it started (wall clock, to compare with the database's timestamps) and how long the request took.
   */
  record Sent(String id, String instanceId, long startedAtMillis, long requestNanos) {}

  /** One side of a comparison. */
  interface Side {
    /** Sends operation {@code i} of the round, as one client; returns what it created. */
    Sent send(int i);

    /** Whether the work the sent operations caused is done; polled after the last answer. */
    boolean done(List<Sent> sent);

    /** The latency of each operation, ns; by default its request time. Called once the round is done. */
    default List<Long> latencies(List<Sent> sent) {
      return sent.stream().map(Sent::requestNanos).toList();
    }
  }

  record Comparison(Figures project, Figures bare) {}

  private final BenchApp app;

  Rounds(BenchApp app) {
    this.app = app;
  }

  /** {@code rounds} rounds per side, alternating project and bare, each of {@code n} operations. */
  Comparison compare(int rounds, int n, int clients, Side project, Side bare) {
    List<Figures.Round> p = new ArrayList<>();
    List<Figures.Round> b = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      p.add(run(project, n, clients));
      b.add(run(bare, n, clients));
    }
    return new Comparison(Figures.of(p), Figures.of(b));
  }

  Figures.Round run(Side side, int n, int clients) {
    long statements = app.counter.count();
    long start = System.nanoTime();
    Sent[] sent = new Sent[n];
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int op = i;
        calls.add(pool.submit(() -> sent[op] = side.send(op)));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("a client failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
    List<Sent> all = Arrays.asList(sent);
    awaitDone("the round's work", () -> side.done(all));
    long nanos = System.nanoTime() - start;
    return new Figures.Round(n, nanos, side.latencies(all), app.counter.count() - statements);
  }

  /**
   * One user's calls one after another: {@code warmUp} untimed, then {@code calls} timed. Before each timed call,
   * untimed and uncounted, {@code between} changes what the call reads, as the rest of a live desk would (H2 would
   * otherwise answer a repeated query from its copy of the last result). The rate is calls per second of call time.
   */
  Figures sequential(int warmUp, int calls, Runnable between, Supplier<Http.Answer> call) {
    for (int i = 0; i < warmUp; i++) {
      call.get();
    }
    long statements = 0;
    long nanos = 0;
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      between.run();
      long before = app.counter.count();
      long latency = call.get().nanos();
      statements += app.counter.count() - before;
      nanos += latency;
      latencies.add(latency);
    }
    return Figures.of(List.of(new Figures.Round(calls, nanos, latencies, statements)));
  }

  /** As {@link #sequential}, for a call inside this JVM (the desk's queries), timed around the call. */
  Figures inProcess(int warmUp, int calls, Runnable between, Supplier<?> call) {
    return sequential(warmUp, calls, between, () -> {
      long start = System.nanoTime();
      call.get();
      return new Http.Answer(200, "", System.nanoTime() - start, null);
    });
  }

  interface Check {
    boolean done();
  }

  /** Polls until done; fails after {@link #DRAIN_LIMIT}, naming what never finished. */
  static void awaitDone(String what, Check check) {
    awaitDone(what, check, POLL, DRAIN_LIMIT);
  }

  static void awaitDone(String what, Check check, Duration poll, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!check.done()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(what + " did not finish within " + limit.toMinutes() + " minutes");
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
