package com.shopdesk.aftersales.guard.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.shopdesk.aftersales.AfterSalesTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's counts at 100,000 open tasks: a count of 1,000 or more is shared for the window by whoever asks the
 * same count, one count at a time; anything smaller, or another count, or a count after the window, is counted.
 */
class LargeCountsTest extends AfterSalesTest {
  private static final String COUNT = TaskInvolvement.NAMESPACE + "selectTaskCount";
  private final AtomicInteger counted = new AtomicInteger();

  private Configuration mybatis() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
        .getConfiguration();
  }

  private TaskQuery queue(String group) {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(group).includeAssignedTasks();
  }

  private LongSupplier counting(long n) {
    return () -> {
      counted.incrementAndGet();
      return n;
    };
  }

  private long count(LargeCounts counts, TaskQuery query, LongSupplier count) {
    return counts.count(mybatis(), COUNT, query, count);
  }

  @Test
  void aLargeCountIsSharedForTheWindowThenCountedAgain() throws Exception {
    LargeCounts counts = new LargeCounts(Duration.ofMillis(300));
    assertThat(count(counts, queue("agents"), counting(100_000))).isEqualTo(100_000);
    assertThat(count(counts, queue("agents"), counting(100_003))).isEqualTo(100_000);
    assertThat(counted).hasValue(1);

    Thread.sleep(400);
    assertThat(count(counts, queue("agents"), counting(100_003))).isEqualTo(100_003);
    assertThat(counted).hasValue(2);
  }

  @Test
  void smallCountsAreAlwaysCounted() {
    LargeCounts counts = new LargeCounts(Duration.ofSeconds(10));
    assertThat(count(counts, queue("agents"), counting(LargeCounts.LARGE - 1))).isEqualTo(999);
    assertThat(count(counts, queue("agents"), counting(3))).isEqualTo(3);
    assertThat(counted).hasValue(2);
  }

  @Test
  void anotherQueryOrAnotherValueIsAnotherCount() {
    LargeCounts counts = new LargeCounts(Duration.ofSeconds(10));
    count(counts, queue("agents"), counting(5_000));
    assertThat(count(counts, queue("warehouse"), counting(2_000))).isEqualTo(2_000);
    assertThat(count(counts, queue("agents").taskAssignee("agent1"), counting(1_500))).isEqualTo(1_500);
    assertThat(count(counts, engine.getTaskService().createTaskQuery().taskCandidateGroup("agents"), counting(4_000)))
        .as("without includeAssignedTasks").isEqualTo(4_000);
    assertThat(counted).hasValue(4);
  }

  @Test
  void whoAsksWhileTheSameCountRunsWaitsForIt() throws Exception {
    LargeCounts counts = new LargeCounts(Duration.ofSeconds(10));
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> count(counts, queue("agents"), () -> {
      counted.incrementAndGet();
      started.countDown();
      await(release);
      return 42;
    }));
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> count(counts, queue("agents"), counting(7)));
    Thread.sleep(200);
    assertThat(second).as("waits for the running count").isNotDone();
    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(42);
    assertThat(second.get(5, TimeUnit.SECONDS)).as("gets its number, small as it is").isEqualTo(42);
    assertThat(counted).hasValue(1);
    assertThat(count(counts, queue("agents"), counting(7))).as("a small number is not kept").isEqualTo(7);
  }

  @Test
  void aFailedCountIsNotKept() {
    LargeCounts counts = new LargeCounts(Duration.ofSeconds(10));
    assertThatThrownBy(() -> count(counts, queue("agents"), () -> {
      throw new IllegalStateException("database gone");
    })).hasMessage("database gone");
    assertThat(count(counts, queue("agents"), counting(5_000))).isEqualTo(5_000);
  }

  @Test
  void aZeroWindowCountsEveryTime() {
    LargeCounts counts = new LargeCounts(Duration.ZERO);
    count(counts, queue("agents"), counting(5_000));
    assertThat(count(counts, queue("agents"), counting(5_001))).isEqualTo(5_001);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
