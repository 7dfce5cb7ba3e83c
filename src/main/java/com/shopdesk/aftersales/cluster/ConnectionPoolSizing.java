package com.shopdesk.aftersales.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Sizes the shop's connection pool from what uses it, so the two cannot drift apart: one connection per HTTP
 * request thread ({@code server.tomcat.threads.max} is {@code aftersales.database.request-connections}), one per
 * job-executor thread, one for the job acquisition and one for the cluster chores. No request or job takes a
 * second one (the stand-in systems have their own pool), so nobody waits for a connection: more clients at once
 * wait in Tomcat's queue, and a job thread is never starved by requests (which left its job locked for 5 minutes).
 */
@Component
class ConnectionPoolSizing implements BeanPostProcessor {
  private static final Logger log = LoggerFactory.getLogger(ConnectionPoolSizing.class);
  private final int requests;
  private final int jobThreads;

  ConnectionPoolSizing(@Value("${aftersales.database.request-connections}") int requests,
      @Value("${camunda.bpm.job-execution.max-pool-size}") int jobThreads) {
    this.requests = requests;
    this.jobThreads = jobThreads;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      int size = requests + jobThreads + 2;
      pool.setMaximumPoolSize(size);
      log.info("Connection pool: {} = {} for requests + {} job-executor threads + 1 job acquisition + 1 chores",
          size, requests, jobThreads);
    }
    return bean;
  }
}
