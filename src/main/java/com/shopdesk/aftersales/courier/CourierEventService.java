package com.shopdesk.aftersales.courier;

import com.shopdesk.aftersales.cases.CaseVariables;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Takes a courier's push: stores it first (so nothing is lost), then hands it to every process waiting for
 * that parcel's event. Processes read stored events before they start waiting; an event that arrived in the
 * instant between that read and the wait is handed over again by the redelivery sweep.
 */
@Service
public class CourierEventService {
  private static final Logger log = LoggerFactory.getLogger(CourierEventService.class);
  /** The gap it covers is a transaction long; events older than this that nobody took are nobody's. */
  private static final Duration REDELIVERY_WINDOW = Duration.ofMinutes(2);

  private final TrackingEvents events;
  private final RuntimeService runtime;

  public CourierEventService(TrackingEvents events, RuntimeService runtime) {
    this.events = events;
    this.runtime = runtime;
  }

  public record Receipt(boolean stored, int deliveredTo) {}

  public Receipt receive(TrackingEvent event) {
    Optional<Long> id = events.store(event);
    if (id.isEmpty()) {
      return new Receipt(false, 0);
    }
    return new Receipt(true, deliver(id.get(), event));
  }

  /** Once per cluster: the node that runs it keeps the chore for 25 s of its 30, so the others skip their turn. */
  @Scheduled(fixedDelayString = "${aftersales.redelivery-interval:PT30S}",
      initialDelayString = "${aftersales.redelivery-interval:PT30S}")
  @SchedulerLock(name = "courier-event-redelivery", lockAtLeastFor = "PT25S")
  public void redeliverOnSchedule() {
    redeliver();
  }

  public void redeliver() {
    for (TrackingEvents.Stored stored : events.undeliveredSince(Instant.now().minus(REDELIVERY_WINDOW))) {
      deliver(stored.id(), stored.event());
    }
  }

  private int deliver(long id, TrackingEvent event) {
    try {
      int delivered = 0;
      for (String message : event.event().messageNames()) {
        delivered += runtime.createMessageCorrelation(message)
            .processInstanceVariableEquals("carrier", event.carrier())
            .processInstanceVariableEquals("trackingNo", event.trackingNo())
            .setVariable(CaseVariables.LATEST_TRACKING, event.describe())
            .correlateAllWithResult()
            .size();
      }
      if (delivered > 0) {
        events.markDelivered(id);
      }
      return delivered;
    } catch (RuntimeException e) {
      log.warn("Tracking event {} stored but not yet delivered; the sweep retries it", event.describe(), e);
      return 0;
    }
  }
}
