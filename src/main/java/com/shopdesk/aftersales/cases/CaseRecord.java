package com.shopdesk.aftersales.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One row of the case ledger (登记表格); {@code linkedFrom} is the case this one took over from, {@code remarkFlag}
 * the flag its remarks last set on purpose (blue from the first process remark; none before any).
 */
public record CaseRecord(
    String caseNo,
    String orderNo,
    RequestType request,
    Reason reason,
    String process,
    String processInstanceId,
    CaseStatus status,
    String resolution,
    BigDecimal amount,
    String note,
    String openedBy,
    String handledBy,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt,
    String linkedFrom,
    String disposition,
    RemarkFlag remarkFlag) {}
