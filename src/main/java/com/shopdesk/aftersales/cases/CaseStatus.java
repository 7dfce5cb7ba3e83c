package com.shopdesk.aftersales.cases;

public enum CaseStatus {
  OPEN, CLOSED
}
