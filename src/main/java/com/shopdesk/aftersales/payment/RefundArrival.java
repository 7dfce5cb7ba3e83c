package com.shopdesk.aftersales.payment;

import com.shopdesk.aftersales.api.ShopTime;
import com.shopdesk.aftersales.calendar.WorkingDays;
import com.shopdesk.aftersales.orders.PaymentChannel;
import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * When a paid refund should reach the buyer, by payment channel, counted in working days (State Council holidays
 * and make-up days included) from the moment it was paid. A channel the platform did not send is given the card's
 * latest date, the slower case.
 */
@Component
public class RefundArrival {
  private final WorkingDays workingDays;

  public RefundArrival(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /** {@code channel}: as the order says, null when unknown; {@code channelText} says which was assumed. */
  public record Expected(PaymentChannel channel, String channelText, OffsetDateTime from, OffsetDateTime by) {
    public String byText() {
      return ShopTime.minutes(by);
    }

    /** "退回余额，即时到账", "退回信用卡，一般 2–10 个工作日到账", or for an unknown channel both. */
    public String windowText() {
      if (channel == null) {
        return "退回原支付方式，余额即时到账，银行卡和信用卡一般 " + CARD_WINDOW + " 个工作日到账";
      }
      return from.equals(by) ? "退回" + channelText + "，即时到账"
          : "退回" + channelText + "，一般 " + CARD_WINDOW + " 个工作日到账";
    }

    /** The window, and for a card the latest date: "退回信用卡，一般 2–10 个工作日到账，最晚 2026-12-18 22:25 前到账". */
    public String summary() {
      return from.equals(by) ? windowText() : windowText() + "，最晚 " + byText() + " 前到账";
    }
  }

  private static final String CARD_WINDOW = PaymentChannel.BANK_CARD.fromWorkingDays() + "–"
      + PaymentChannel.BANK_CARD.byWorkingDays();

  public Expected of(OffsetDateTime paidAt, PaymentChannel channel) {
    PaymentChannel assumed = channel == null ? PaymentChannel.BANK_CARD : channel;
    String text = channel == null ? "原支付方式" : channel.label();
    return new Expected(channel, text, after(paidAt, assumed.fromWorkingDays()), after(paidAt, assumed.byWorkingDays()));
  }

  private OffsetDateTime after(OffsetDateTime from, int days) {
    if (days == 0) {
      return from;
    }
    Date at = workingDays.after(Date.from(from.toInstant()), days);
    return at.toInstant().atZone(ShopTime.ZONE).toOffsetDateTime();
  }
}
