package com.shopdesk.aftersales.orders;

import com.shopdesk.aftersales.api.ApiException;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

  public OrderController(OrderRepository orders) {
    this.orders = orders;
  }

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
    boolean created = orders.save(order);
    Order saved = orders.find(order.orderNo()).orElseThrow();
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(saved);
  }

  @GetMapping("/{orderNo}")
  public Order get(@PathVariable String orderNo) {
    return orders.find(orderNo)
        .orElseThrow(() -> ApiException.notFound("orderNo", "order " + orderNo + " not found"));
  }
}
