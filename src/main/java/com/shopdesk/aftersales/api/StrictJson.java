package com.shopdesk.aftersales.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The product API reads JSON strictly: a value of the wrong JSON type is refused, never converted (1.5 is not
 * the quantity 1, "1.00" is not a number, 0 is not an enum, 1700000000 is not a date), and so are unknown
 * fields (a misspelt "amout" must not silently mean "the whole order"), a key given twice, null list elements,
 * anything after the JSON value, and dates outside {@link #EARLIEST}..{@link #LATEST}.
 *
 * <p>This changes Spring's ObjectMapper only, which reads {@code /api} and {@code /sandbox}. The engine REST
 * API and the webapps read JSON with Camunda's own mapper (its {@code JacksonConfigurator}), which stays lenient.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {
  /** Every date the shop deals with lies in this century; anything else is a typo or an attack. */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("2100-12-31T23:59:59.999999999Z");

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
    return builder -> builder
        .featuresToEnable(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .featuresToDisable(
            MapperFeature.ALLOW_COERCION_OF_SCALARS,
            DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .deserializerByType(OffsetDateTime.class, new ShopDateTime())
        .postConfigurer(mapper -> {
          mapper.coercionConfigDefaults()
              .setAcceptBlankAsEmpty(false)
              .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
          // ALLOW_COERCION_OF_SCALARS covers numbers, booleans and dates, not strings: 123 would still be "123"
          mapper.coercionConfigFor(LogicalType.Textual)
              .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
        });
  }

  /**
   * An ISO-8601 date-time with its offset, as a JSON string, e.g. "2026-11-12T09:00:00+08:00". Jackson's own
   * reader takes numbers (and strings of digits) as epoch times whatever the coercion settings say, and any
   * year up to +999999999, which no database column keeps.
   */
  static final class ShopDateTime extends StdScalarDeserializer<OffsetDateTime> {
    static final String EXPECTED = "a date-time with its offset such as 2026-11-12T09:00:00+08:00, "
        + "in the years 2000 to 2100";

    ShopDateTime() {
      super(OffsetDateTime.class);
    }

    @Override
    public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != null && p.currentToken().isNumeric()) {
        return (OffsetDateTime) ctxt.handleWeirdNumberValue(OffsetDateTime.class, p.getNumberValue(),
            "expected " + EXPECTED);
      }
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (OffsetDateTime) ctxt.handleUnexpectedToken(getValueType(ctxt), p);
      }
      String text = p.getText();
      OffsetDateTime time;
      try {
        time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      } catch (DateTimeParseException e) {
        return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "expected " + EXPECTED);
      }
      Instant instant = time.toInstant();
      if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
        return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text, "expected " + EXPECTED);
      }
      // as Jackson's own reader does by default: the same instant, at the mapper's zone (UTC unless configured)
      if (ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
        return time.atZoneSameInstant(ctxt.getTimeZone().toZoneId()).toOffsetDateTime();
      }
      return time;
    }

    @Override
    public LogicalType logicalType() {
      return LogicalType.DateTime;
    }
  }
}
