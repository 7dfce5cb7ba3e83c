package com.shopdesk.aftersales.benchmark;

import java.util.List;
import java.util.Queue;

/**
 * An automatically refunded case end to end (phase 2). The project: an agent opens a refund-only case on an
 * unshipped order of 128.00, under the auto-refund limit; the interception process cancels the outbound order,
 * pays and closes the case CLOSED/REFUNDED in three jobs. The bare side: start → three async no-op steps → end.
 * Latency: from the request until the ledger's {@code closed_at} (the bare side: the instance's end time in the
 * engine's history), both written in the transaction that finished the work, so the benchmark's polling (every
 * {@link Rounds#POLL}) only decides when the round ends.
 */
final class EndToEndPhase {
  static final String PRICE = "128.00";
  private final Settings settings;
  private final Clients clients;
  private final Rounds rounds;

  EndToEndPhase(Settings settings, Clients clients, Rounds rounds) {
    this.settings = settings;
    this.clients = clients;
    this.rounds = rounds;
  }

  Row run() {
    int n = settings.endToEndPerRound();
    Queue<String> orders = clients.importUnshippedOrders(settings.rounds() * n, PRICE);
    Rounds.Comparison result = rounds.compare(settings.rounds(), n, settings.endToEndClients(), autoRefunds(orders),
        threeAsync());
    return Row.rate("2", "auto-refunded case end to end (" + settings.endToEndClients() + " clients) vs "
        + "start → 3 async steps → end", "cases/s", result.project(), result.bare(), "≥ 0.7");
  }

  /**
   * One untimed round per side before anything is measured: HTTP, security, the engine, the job executor and
   * the database get their JIT-compiled code and warm caches without leaving any agents' task behind.
   */
  void warmUp() {
    int n = Math.max(5, settings.endToEndPerRound() / 2);
    rounds.run(autoRefunds(clients.importUnshippedOrders(n, PRICE)), n, settings.endToEndClients());
    rounds.run(threeAsync(), n, settings.endToEndClients());
  }

  /** Opens auto-refunded cases on the given orders (each one used once). */
  Rounds.Side autoRefunds(Queue<String> orders) {
    String closed = "SELECT case_no, closed_at FROM cases WHERE status = 'CLOSED' AND case_no IN (:ids)";
    return new Rounds.Side() {
      @Override
      public Rounds.Sent send(int i) {
        return clients.openRefundOnly(IntakePhase.next(orders));
      }

      @Override
      public boolean done(List<Rounds.Sent> sent) {
        return clients.ended(closed, sent).size() == sent.size();
      }

      @Override
      public List<Long> latencies(List<Rounds.Sent> sent) {
        return Clients.untilEnded(sent, clients.ended(closed, sent));
      }
    };
  }

  private Rounds.Side threeAsync() {
    String ended = "SELECT ID_, END_TIME_ FROM ACT_HI_PROCINST WHERE END_TIME_ IS NOT NULL AND ID_ IN (:ids)";
    return new Rounds.Side() {
      @Override
      public Rounds.Sent send(int i) {
        return clients.startBare(BareProcess.THREE_ASYNC);
      }

      @Override
      public boolean done(List<Rounds.Sent> sent) {
        return clients.ended(ended, sent).size() == sent.size();
      }

      @Override
      public List<Long> latencies(List<Rounds.Sent> sent) {
        return Clients.untilEnded(sent, clients.ended(ended, sent));
      }
    };
  }
}
