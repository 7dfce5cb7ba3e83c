package com.shopdesk.aftersales.sandbox;

import com.shopdesk.aftersales.courier.CourierEventService;
import com.shopdesk.aftersales.courier.TrackingEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's control panel, for playing a case without any courier, warehouse or payment account:
 * ship an order in the warehouse, scan a parcel at the courier (pushed to the shop like a real courier
 * would), look at refunds paid, and take a system down to watch retries and incidents.
 */
@RestController
@RequestMapping("/sandbox")
@ConditionalOnProperty(prefix = "aftersales.adapters", name = {"courier", "warehouse", "payment"},
    havingValue = "sandbox", matchIfMissing = true)
public class SandboxController {
  private final SandboxWarehouse warehouse;
  private final SandboxCourier courier;
  private final SandboxPayments payments;
  private final SandboxOutages outages;
  private final CourierEventService shopWebhook;

  public SandboxController(SandboxWarehouse warehouse, SandboxCourier courier, SandboxPayments payments,
      SandboxOutages outages, CourierEventService shopWebhook) {
    this.warehouse = warehouse;
    this.courier = courier;
    this.payments = payments;
    this.outages = outages;
    this.shopWebhook = shopWebhook;
  }

  public record Shipped(@NotBlank @Size(max = 64) String orderNo, @NotBlank @Size(max = 32) String carrier,
      @NotBlank @Size(max = 64) String trackingNo) {}

  public record Outage(@Size(max = 200) String reason) {}

  @PostMapping("/warehouse/shipments")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void ship(@Valid @RequestBody Shipped shipped) {
    warehouse.ship(shipped.orderNo(), shipped.carrier(), shipped.trackingNo());
  }

  public record Outbound(String orderNo, String status) {}

  /** Where the warehouse stands with an order: PENDING (to ship), CANCELLED or SHIPPED. */
  @GetMapping("/warehouse/outbound-orders/{orderNo}")
  public Outbound outbound(@PathVariable @Size(max = 64) String orderNo) {
    return new Outbound(orderNo, warehouse.outboundStatus(orderNo));
  }

  /** A courier scan; unless {@code push=false}, it is pushed to the shop's webhook too. */
  @PostMapping("/courier/scans")
  public CourierEventService.Receipt scan(@Valid @RequestBody TrackingEvent event,
      @RequestParam(defaultValue = "true") boolean push) {
    courier.scan(event);
    return push ? shopWebhook.receive(event) : new CourierEventService.Receipt(false, 0);
  }

  /** Items as SKU → count; they are kept as "SKU:n,SKU:n" in at most 1000 characters. */
  public record Packing(@NotBlank @Size(max = 64) String orderNo,
      @NotEmpty @Size(max = 12) Map<@NotBlank @Size(max = 64) @Pattern(regexp = "[^:,]*",
          message = "must not contain ':' or ','") String, @NotNull @PositiveOrZero @Max(9999) Integer> items,
      @PositiveOrZero Integer weightGrams) {}

  public record Weight(@NotBlank @Size(max = 32) String carrier, @NotBlank @Size(max = 64) String trackingNo,
      @NotNull @Positive Integer grams) {}

  /** What the warehouse packed for an order and what the parcel weighed. */
  @PutMapping("/warehouse/packing-records")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void packed(@Valid @RequestBody Packing packing) {
    warehouse.packed(packing.orderNo(), packing.items(), packing.weightGrams());
  }

  public record Stock(@NotBlank @Size(max = 64) String sku, @NotNull @PositiveOrZero Integer quantity) {}

  /** How many of a SKU the warehouse has; SKUs never set count as plentiful. */
  @PutMapping("/warehouse/stock")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void stock(@Valid @RequestBody Stock stock) {
    warehouse.stock(stock.sku(), stock.quantity());
  }

  /** What the courier's scale showed at pickup. */
  @PutMapping("/courier/weights")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void weighed(@Valid @RequestBody Weight weight) {
    courier.weighed(weight.carrier(), weight.trackingNo(), weight.grams());
  }

  @GetMapping("/payments")
  public List<Map<String, Object>> payments(@RequestParam @NotBlank @Size(max = 64) String orderNo) {
    return payments.payments(orderNo);
  }

  @PutMapping("/outages/{system}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void down(@PathVariable SandboxOutages.SandboxSystem system,
      @Valid @RequestBody(required = false) Outage outage) {
    outages.down(system, outage == null || outage.reason() == null ? "沙箱模拟故障" : outage.reason());
  }

  @DeleteMapping("/outages/{system}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  public void up(@PathVariable SandboxOutages.SandboxSystem system) {
    outages.up(system);
  }
}
