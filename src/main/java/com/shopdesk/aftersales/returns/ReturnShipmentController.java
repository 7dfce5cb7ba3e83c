package com.shopdesk.aftersales.returns;

import jakarta.validation.Valid;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ReturnShipmentController {
  private final ReturnShipments shipments;

  public ReturnShipmentController(ReturnShipments shipments) {
    this.shipments = shipments;
  }

  /**
   * The buyer's return tracking number, entered on the platform and passed on to us; taken only while the
   * case awaits a return (409 otherwise, and when the case is closed or already has its return parcel).
   */
  @PostMapping("/api/cases/{caseNo}/return-shipment")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public ReturnShipments.Receipt submit(@PathVariable String caseNo, @Valid @RequestBody ReturnShipment shipment,
      Principal user) {
    return shipments.submit(caseNo, shipment, user.getName());
  }
}
