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
import java.util.List;

/**
 * A buyer's after-sales request as the desk opens it. Items default to the whole order. {@code urgent}: for a
 * refund-only request before delivery (interception), whether the buyer is in a hurry for the money; left out,
 * the parcel is intercepted as when the buyer is.
 */
@CaseRequest.ReplacementOnlyOnExchange
public record CaseRequest(
    @NotBlank @Size(max = 64) String orderNo,
    @NotNull RequestType request,
    @NotNull Reason reason,
    @Size(min = 1, message = "must not be empty: leave items out to ask about the whole order")
    List<@NotNull @Valid CaseItem> items,
    @DecimalMin(value = "0.00", inclusive = false, message = "must be above 0") @Digits(integer = 10, fraction = 2) BigDecimal amount,
    @Size(max = 20) List<@NotBlank @Size(max = 1000) String> evidence,
    @Size(max = 1000) String note,
    Boolean urgent) {

  public CaseRequest(String orderNo, RequestType request, Reason reason, List<CaseItem> items, BigDecimal amount,
      List<String> evidence, String note) {
    this(orderNo, request, reason, items, amount, evidence, note, null);
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
}
