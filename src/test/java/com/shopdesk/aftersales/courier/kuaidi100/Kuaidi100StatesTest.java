package com.shopdesk.aftersales.courier.kuaidi100;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.courier.CourierEvent;
import org.junit.jupiter.api.Test;

/** 快递100's states as the desk's events, where a case acts on the difference. */
class Kuaidi100StatesTest {

  @Test
  void outForDeliveryIsTheParcelAtTheBuyersStation() {
    assertThat(Kuaidi100States.eventOf("5")).contains(CourierEvent.AT_STATION);
    assertThat(Kuaidi100States.eventOf("0")).contains(CourierEvent.IN_TRANSIT);
    assertThat(Kuaidi100States.eventOf("14")).contains(CourierEvent.REJECTED);
    assertThat(Kuaidi100States.eventOf("4")).contains(CourierEvent.RETURNED);
    assertThat(Kuaidi100States.eventOf("2")).as("疑难: nothing the desk acts on").isEmpty();
  }
}
