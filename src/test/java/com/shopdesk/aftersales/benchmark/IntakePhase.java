package com.shopdesk.aftersales.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * Intake (phase 1) and the floor under it (phase 0). The project: an agent opens a refund-only case on an
 * unshipped order of 300.00 ({@code POST /api/cases}); it is above the auto-refund limit, so the interception
 * process asks the warehouse to cancel (an async step) and stops at the agents' task 同意退款. The bare side:
 * start → async → agents' task through the engine REST API. Latency is the request; the rate counts until the
 * task exists, so the async step is inside it. The floor: a bare start → end over the same HTTP stack.
 */
final class IntakePhase {
  static final String PROJECT_TASK = "agreeRefund";
  private static final String PRICE = "300.00";
  private final Settings settings;
  private final Clients clients;
  private final Rounds rounds;

  IntakePhase(Settings settings, Clients clients, Rounds rounds) {
    this.settings = settings;
    this.clients = clients;
    this.rounds = rounds;
  }

  List<Row> run() {
    int n = settings.intakePerRound();
    int warmUp = Math.max(2, n / 5);
    Queue<String> orders = clients.importUnshippedOrders(
        warmUp + settings.rounds() * n * settings.intakeClients().length, PRICE);
    Rounds.Side project = new Rounds.Side() {
      @Override
      public Rounds.Sent send(int i) {
        return clients.openRefundOnly(next(orders));
      }

      @Override
      public boolean done(List<Rounds.Sent> sent) {
        return clients.withTask(PROJECT_TASK, sent) == sent.size();
      }
    };
    Rounds.Side bare = new Rounds.Side() {
      @Override
      public Rounds.Sent send(int i) {
        return clients.startBare(BareProcess.ASYNC_TASK);
      }

      @Override
      public boolean done(List<Rounds.Sent> sent) {
        return clients.withTask(BareProcess.ASYNC_TASK_KEY, sent) == sent.size();
      }
    };
    Rounds.Side floor = new Rounds.Side() {
      @Override
      public Rounds.Sent send(int i) {
        return clients.startBare(BareProcess.START_END);
      }

      @Override
      public boolean done(List<Rounds.Sent> sent) {
        return true; // the instance ended inside the request
      }
    };

    // the JIT and the pools warm up on both paths first; not reported
    int firstClients = settings.intakeClients()[0];
    rounds.run(project, warmUp, firstClients);
    rounds.run(bare, warmUp, firstClients);
    rounds.run(floor, warmUp, firstClients);

    List<Row> rows = new ArrayList<>();
    List<Figures.Round> floorRounds = new ArrayList<>();
    for (int r = 0; r < settings.rounds(); r++) {
      floorRounds.add(rounds.run(floor, n, firstClients));
    }
    rows.add(new Row("0", "floor: a bare start → end over HTTP, " + firstClients + " clients", "instances/s",
        Row.Kind.RATE, null, Figures.of(floorRounds), "—",
        "no project side: the engine REST API's cost of one call that starts a process, for scale"));
    for (int c : settings.intakeClients()) {
      Rounds.Comparison result = rounds.compare(settings.rounds(), n, c, project, bare);
      rows.add(Row.rate("1/" + c, "intake at " + c + " clients: case to agent task (同意退款) vs start → "
          + "async → user task", "cases/s", result.project(), result.bare(), "≥ 0.7"));
    }
    return rows;
  }

  static String next(Queue<String> orders) {
    String orderNo = orders.poll();
    if (orderNo == null) {
      throw new IllegalStateException("no imported order left");
    }
    return orderNo;
  }
}
