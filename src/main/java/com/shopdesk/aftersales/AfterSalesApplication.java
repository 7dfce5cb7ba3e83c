package com.shopdesk.aftersales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AfterSalesApplication {
  public static void main(String[] args) {
    SpringApplication.run(AfterSalesApplication.class, args);
  }
}
