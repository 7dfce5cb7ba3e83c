package com.shopdesk.aftersales.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A buyer's after-sales request as the desk opens it. Items default to the whole order. A complaint or a platform
 * intervention names the case it is about ({@code linkedCase}) and may bring the platform's response deadline
 * ({@code platformDeadline}); see {@code complaints/ComplaintLinks}. An address change brings the new
 * {@code address}. {@code urgent}: for a refund-only request before delivery (interception), whether the buyer is in
 * a hurry for the money; left out, the parcel is intercepted as when the buyer is.
 */
@CaseRequest.ReplacementOnlyOnExchange
@CaseRequest.AddressOnlyOnAddressChange
public record CaseRequest(
    @NotBlank @Size(max = 64) String orderNo,
    @NotNull RequestType request,
    @NotNull Reason reason,
    @Size(min = 1, message = "must not be empty: leave items out to ask about the whole order")
    List<@NotNull @Valid CaseItem> items,
    @DecimalMin(value = "0.00", inclusive = false, message = "must be above 0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
    @Size(max = 20) List<@NotBlank @Size(max = 1000) String> evidence,
    @Size(max = 1000) String note,
    @Size(max = 32) String linkedCase,
    OffsetDateTime platformDeadline,
    @Size(max = 300) String address,
    Boolean urgent) {

  /** A request with none of the fields that only some requests take (linked case, deadline, address, urgency). */
  public CaseRequest(String orderNo, RequestType request, Reason reason, List<CaseItem> items, BigDecimal amount,
      List<String> evidence, String note) {
    this(orderNo, request, reason, items, amount, evidence, note, null, null, null, null);
  }

  /**
   * {@code replacementSku}: for an exchange, the SKU the buyer wants instead (default, or blank: the same SKU).
   * Other requests keep the SKU they name.
   */
  public record CaseItem(@NotBlank @Size(max = 64) String sku, @NotNull @Positive Integer quantity,
      @Size(max = 64) String replacementSku) {

    public CaseItem(String sku, Integer quantity) {
      this(sku, quantity, null);
    }

    public String wantedSku() {
      return replacementSku == null || replacementSku.isBlank() ? sku : replacementSku;
    }
  }

  /** Refuses a {@code replacementSku} on any request but an exchange, naming the item: items[i].replacementSku. */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = ReplacementOnlyOnExchangeValidator.class)
  public @interface ReplacementOnlyOnExchange {
    String message() default "is only allowed on EXCHANGE requests";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  public static class ReplacementOnlyOnExchangeValidator
      implements ConstraintValidator<ReplacementOnlyOnExchange, CaseRequest> {

    @Override
    public boolean isValid(CaseRequest request, ConstraintValidatorContext context) {
      if (request == null || request.items() == null || request.request() == null
          || request.request() == RequestType.EXCHANGE) {
        return true;
      }
      boolean valid = true;
      for (int i = 0; i < request.items().size(); i++) {
        CaseItem item = request.items().get(i);
        if (item != null && item.replacementSku() != null && !item.replacementSku().isBlank()) {
          valid = false;
          context.disableDefaultConstraintViolation();
          // Plain text only: the request type is an enum name, so no message interpolation characters.
          context.buildConstraintViolationWithTemplate("is only allowed on EXCHANGE requests, not on "
                  + request.request().name())
              .addPropertyNode("items")
              .addPropertyNode("replacementSku").inIterable().atIndex(i)
              .addConstraintViolation();
        }
      }
      return valid;
    }
  }

  /**
   * The new address (收货人、电话、完整地址) comes with an address change and only with it: a missing or blank one on
   * ADDRESS_CHANGE, or one on any other reason, is refused naming the field {@code address}.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = AddressOnlyOnAddressChangeValidator.class)
  public @interface AddressOnlyOnAddressChange {
    String message() default "is required for ADDRESS_CHANGE and only allowed there";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  public static class AddressOnlyOnAddressChangeValidator
      implements ConstraintValidator<AddressOnlyOnAddressChange, CaseRequest> {

    @Override
    public boolean isValid(CaseRequest request, ConstraintValidatorContext context) {
      if (request == null || request.reason() == null) {
        return true;
      }
      boolean blank = request.address() == null || request.address().isBlank();
      String problem = request.reason() == Reason.ADDRESS_CHANGE
          ? (blank ? "is required for ADDRESS_CHANGE: the buyer's new name, phone and full address" : null)
          : (request.address() != null ? "is only allowed on ADDRESS_CHANGE, not on " + request.reason().name() : null);
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addPropertyNode("address").addConstraintViolation();
      return false;
    }
  }
}
