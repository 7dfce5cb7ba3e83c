package com.shopdesk.aftersales.orders;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.shopdesk.aftersales.api.ApiException;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
public class OrderController {
  private final OrderRepository orders;
  private final TransactionTemplate transaction;

  public OrderController(OrderRepository orders, PlatformTransactionManager transactions) {
    this.orders = orders;
    this.transaction = new TransactionTemplate(transactions);
  }

  private record Imported(boolean created, Order order) {}

  @PostMapping
  public ResponseEntity<Order> importOrder(@Valid @RequestBody Order order) {
    if (order.status() != OrderStatus.UNSHIPPED && order.shipment() == null) {
      throw ApiException.badRequest("shipment", "shipment is required when status is " + order.status());
    }
    Set<String> skus = new HashSet<>();
    for (int i = 0; i < order.items().size(); i++) {
      if (!skus.add(order.items().get(i).sku())) {
        throw ApiException.badRequest("items[" + i + "].sku", "SKU " + order.items().get(i).sku() + " appears twice");
      }
    }
    // One transaction, so one connection: the check sees what the save replaces, and the answer is what was
    // saved. Reading it back on a second connection after the commit could fail (pool exhausted) and answer
    // 500 for an order that was in fact imported.
    Imported imported;
    try {
      imported = transaction.execute(status -> {
        orders.find(order.orderNo()).ifPresent(known -> keepWhatWasPaid(known, order));
        boolean created = orders.save(order);
        return new Imported(created, orders.find(order.orderNo()).orElseThrow());
      });
    } catch (DuplicateKeyException raced) {
      throw ApiException.conflict("orderNo", "order " + order.orderNo()
          + " was being imported by another request at the same time; send it again");
    }
    return ResponseEntity.status(imported.created() ? HttpStatus.CREATED : HttpStatus.OK).body(imported.order());
  }

  /**
   * Once an order has a case or a refund, what the buyer paid and for what is settled: a re-import may bring
   * its shipping and delivery news, not a new amount, new lines, prices or categories (which decide refunds).
   */
  private void keepWhatWasPaid(Order known, Order update) {
    if (!orders.hasAfterSales(known.orderNo())) {
      return;
    }
    String settled = "order " + known.orderNo() + " already has after-sales cases or refunds, so ";
    if (known.paidAmount().compareTo(update.paidAmount()) != 0) {
      throw ApiException.conflict("paidAmount", settled + "paidAmount stays " + known.paidAmount().toPlainString()
          + " (the import says " + update.paidAmount().toPlainString() + ")");
    }
    if (!sameLines(known, update)) {
      throw ApiException.conflict("items", settled + "its items (SKUs, quantities, prices, categories) cannot change");
    }
  }

  private static boolean sameLines(Order known, Order update) {
    if (known.items().size() != update.items().size()) {
      return false;
    }
    return update.items().stream().allMatch(item -> known.item(item.sku()).filter(k ->
        k.quantity().equals(item.quantity()) && k.unitPrice().compareTo(item.unitPrice()) == 0
            && k.category().equals(item.category())).isPresent());
  }

  /** The order as imported, and {@code receiptExtension} once the desk had the platform extend its receipt. */
  public record OrderView(@JsonUnwrapped Order order, OrderRepository.ReceiptExtension receiptExtension) {}

  @GetMapping("/{orderNo}")
  public OrderView get(@PathVariable String orderNo) {
    Order order = orders.find(orderNo)
        .orElseThrow(() -> ApiException.notFound("orderNo", "order " + orderNo + " not found"));
    return new OrderView(order, orders.receiptExtension(orderNo).orElse(null));
  }
}
