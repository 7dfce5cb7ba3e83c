package com.shopdesk.aftersales.courier;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The webhook couriers push tracking events to. */
@RestController
public class CourierEventController {
  private final CourierEventService service;

  public CourierEventController(CourierEventService service) {
    this.service = service;
  }

  /** 202 when the event is new, 200 when the same push was already stored (nothing changes). */
  @PostMapping("/api/courier-events")
  public ResponseEntity<CourierEventService.Receipt> push(@Valid @RequestBody TrackingEvent event) {
    CourierEventService.Receipt receipt = service.receive(event);
    return ResponseEntity.status(receipt.stored() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(receipt);
  }
}
