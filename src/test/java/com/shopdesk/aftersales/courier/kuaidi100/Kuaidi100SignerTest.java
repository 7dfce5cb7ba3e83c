package com.shopdesk.aftersales.courier.kuaidi100;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.TrackingEvent;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** 快递100 names the signer only in a scan's text: what the desk takes from it, and when it takes nothing. */
class Kuaidi100SignerTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "none", delimiter = '|', value = {
      "已签收，签收人：本人 | 本人",
      "【杭州市】 快件已签收,签收人是【门卫】,如有疑问请电联快递员 | 门卫",
      "您的快件已签收，签收人: 丰巢快递柜。感谢使用中通快递 | 丰巢快递柜",
      "已签收 | none",
      "您的快件已签收，签收人凭取货码签收 | none",
  })
  void theSignerIsTakenFromTheTextOnlyWhenItIsNamed(String context, String signer) {
    assertThat(Kuaidi100Scans.signer(context)).isEqualTo(signer);
  }

  @Test
  void onlyADeliveryCarriesTheSigner() throws Exception {
    var result = new ObjectMapper().readTree("""
        {"data":[
          {"context":"已签收，签收人：本人","ftime":"2026-11-13 12:00:00","status":"签收","statusCode":"3"},
          {"context":"派件中，派件人：王师傅","ftime":"2026-11-13 08:00:00","status":"派件","statusCode":"5"}]}""");
    List<TrackingEvent> events = Kuaidi100Scans.of("ZTO", "ZT1", result);
    TrackingEvent delivered = events.get(events.size() - 1);
    assertThat(delivered.event()).isEqualTo(CourierEvent.DELIVERED);
    assertThat(delivered.signer()).isEqualTo("本人");
    assertThat(events.stream().filter(e -> e.event() != CourierEvent.DELIVERED)).allMatch(e -> e.signer() == null);
  }
}
