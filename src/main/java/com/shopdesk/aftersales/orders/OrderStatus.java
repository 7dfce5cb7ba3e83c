package com.shopdesk.aftersales.orders;

public enum OrderStatus {
  UNSHIPPED, SHIPPED, DELIVERED
}
