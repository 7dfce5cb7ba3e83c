package com.shopdesk.aftersales.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopdesk.aftersales.api.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * An order import checks, saves and reads back the order in one transaction, so on one connection: a read-back
 * after the commit needed a second connection, and when the pool had none the caller got a 500 for an order
 * that had been imported.
 */
class OrderImportTransactionTest {
  private final List<String> steps = new ArrayList<>();
  private final Order order = new Order("T1", new Order.Buyer("tb_alice", "王小姐", null, null, null),
      List.of(new Order.Item("LJ-250", "西湖龙井 250g", "tea", 2, new BigDecimal("128.00"))), new BigDecimal("256.00"),
      true, OrderStatus.UNSHIPPED, null, null, null, null, null);

  private final AbstractPlatformTransactionManager transactions = new AbstractPlatformTransactionManager() {
    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      steps.add("begin");
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      steps.add("commit");
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      steps.add("rollback");
    }
  };

  private class Recording extends OrderRepository {
    private final Order known;
    private final boolean hasCase;
    private Order saved;

    Recording(Order known, boolean hasCase) {
      super(null, null);
      this.known = known;
      this.hasCase = hasCase;
    }

    @Override
    public Optional<Order> find(String orderNo) {
      steps.add("find");
      return Optional.ofNullable(saved != null ? saved : known);
    }

    @Override
    public boolean save(Order order) {
      steps.add("save");
      saved = order;
      return known == null;
    }

    @Override
    public boolean hasAfterSales(String orderNo) {
      steps.add("hasAfterSales");
      return hasCase;
    }
  }

  @Test
  void theOrderIsReadBackInTheTransactionThatSavedIt() {
    var response = new OrderController(new Recording(null, false), transactions).importOrder(order);

    assertThat(steps).containsExactly("begin", "find", "save", "find", "commit");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).isEqualTo(order);
  }

  @Test
  void aRefusedUpdateRollsBackBeforeSaving() {
    Order paidLess = new Order("T1", order.buyer(), order.items(), new BigDecimal("200.00"), true,
        OrderStatus.UNSHIPPED, null, null, null, null, null);
    OrderController controller = new OrderController(new Recording(paidLess, true), transactions);

    assertThatThrownBy(() -> controller.importOrder(order)).isInstanceOf(ApiException.class)
        .hasMessageContaining("paidAmount stays 200.00");
    assertThat(steps).containsExactly("begin", "find", "hasAfterSales", "rollback");
  }
}
