package com.shopdesk.aftersales.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopdesk.aftersales.AfterSalesApplication;
import com.shopdesk.aftersales.cases.CaseIntake;
import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRecord;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.Reason;
import com.shopdesk.aftersales.cases.RequestType;
import com.shopdesk.aftersales.courier.CourierEvent;
import com.shopdesk.aftersales.courier.CourierEventService;
import com.shopdesk.aftersales.courier.TrackingEvent;
import com.shopdesk.aftersales.operations.FreshPostgres;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.orders.OrderStatus;
import com.shopdesk.aftersales.payment.RefundLedger;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production database: the Flyway migrations and a case through the engine on PostgreSQL, in a
 * database made for this run and dropped after it. Skipped, saying so, where no PostgreSQL listens.
 */
class PostgresDatabaseTest {
  private static FreshPostgres database;
  private static ConfigurableApplicationContext app;

  @BeforeAll
  static void startOnPostgres() {
    database = FreshPostgres.create("aftersales_it");
    app = new SpringApplicationBuilder(AfterSalesApplication.class)
        .profiles("test", "postgres")
        .run("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + FreshPostgres.USER,
            "--server.port=0", "--camunda.bpm.process-engine-name=postgresTest",
            // a second app's webapps, once closed, leave the shared test app's webapp API answering 500
            "--camunda.bpm.webapp.enabled=false");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    if (app != null) {
      app.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void anInterceptedParcelIsRefundedOnceOnPostgres() {
    String orderNo = "PG-" + System.nanoTime();
    app.getBean(OrderRepository.class).save(new Order(orderNo, new Order.Buyer("tb_pg", "周先生", null, null, null),
        List.of(new Order.Item("LJ-250", "西湖龙井 250g", "tea", 1, new BigDecimal("128.00"))),
        new BigDecimal("128.00"), true, OrderStatus.SHIPPED,
        new Order.Shipment("ZTO", "ZT-" + orderNo, OffsetDateTime.now()), null, null, null, null));
    CaseIntake.Opened opened = app.getBean(CaseIntake.class).open(new CaseRequest(orderNo, RequestType.REFUND_ONLY,
        Reason.PERSONAL, null, null, List.of(), null), "agent1");
    runJobs(opened.processInstanceId());

    var receipt = app.getBean(CourierEventService.class).receive(
        new TrackingEvent("ZTO", "ZT-" + orderNo, CourierEvent.INTERCEPTED, OffsetDateTime.now()));
    runJobs(opened.processInstanceId());

    assertThat(receipt.deliveredTo()).isEqualTo(1);
    assertThat(app.getBean(RefundLedger.class).ofCase(opened.caseNo())).as("refunded before the parcel is back")
        .hasSize(1);
    app.getBean(CourierEventService.class).receive(
        new TrackingEvent("ZTO", "ZT-" + orderNo, CourierEvent.RETURNED, OffsetDateTime.now()));
    runJobs(opened.processInstanceId());

    CaseRecord closed = app.getBean(CaseLedger.class).find(opened.caseNo()).orElseThrow();
    assertThat(closed.resolution()).isEqualTo("REFUNDED");
    assertThat(closed.amount()).isEqualByComparingTo("128.00");
    assertThat(app.getBean(RefundLedger.class).ofCase(opened.caseNo())).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(RefundLedger.Status.SUCCEEDED));
  }

  private static void runJobs(String processInstanceId) {
    ManagementService jobs = app.getBean(ManagementService.class);
    for (int round = 0; round < 10; round++) {
      List<Job> due = jobs.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) return;
      due.forEach(j -> jobs.executeJob(j.getId()));
    }
  }
}
