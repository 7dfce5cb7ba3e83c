package com.shopdesk.aftersales.reship;

import com.shopdesk.aftersales.cases.CaseLedger;
import com.shopdesk.aftersales.cases.CaseRequest;
import com.shopdesk.aftersales.cases.CaseTimeline;
import com.shopdesk.aftersales.cases.CaseVariables;
import com.shopdesk.aftersales.cases.Reason;
import com.shopdesk.aftersales.courier.CourierGateway;
import com.shopdesk.aftersales.gifts.GiftVariables;
import com.shopdesk.aftersales.gifts.PromisedGift;
import com.shopdesk.aftersales.gifts.PromisedGifts;
import com.shopdesk.aftersales.orders.Order;
import com.shopdesk.aftersales.orders.OrderRepository;
import com.shopdesk.aftersales.warehouse.WarehouseGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks a "missing item" claim the way the desk does: the warehouse's packing record against what was
 * ordered of the items the buyer says are missing, and the parcel's packed weight against the courier's
 * weight at pickup. A missing gift is checked against the gifts an agent recorded as promised on the order
 * (they are no order lines): one the packing record lacks is missing, and {@code giftValue} is what the missing
 * ones are worth; with no promise recorded the warehouse has nothing to check, the claim is not confirmed and an
 * agent decides. Sets {@code shortConfirmed} and {@code verificationNote} (what was found, for the agent's form), and
 * {@code leftWhole} when both show the parcel left complete (a box that arrived opened then means theft in the
 * courier's care).
 */
@Component
public class VerifyShortShipmentDelegate implements JavaDelegate {
  /** A pickup weight this much below the packed weight means something left the parcel. */
  static final int WEIGHT_TOLERANCE_GRAMS = 50;

  private final WarehouseGateway warehouse;
  private final CourierGateway courier;
  private final CaseLedger ledger;
  private final OrderRepository orders;
  private final CaseTimeline timeline;
  private final PromisedGifts gifts;

  public VerifyShortShipmentDelegate(WarehouseGateway warehouse, CourierGateway courier, CaseLedger ledger,
      OrderRepository orders, CaseTimeline timeline, PromisedGifts gifts) {
    this.gifts = gifts;
    this.warehouse = warehouse;
    this.courier = courier;
    this.ledger = ledger;
    this.orders = orders;
    this.timeline = timeline;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables vars = CaseVariables.of(execution);
    List<String> found = new ArrayList<>();
    boolean confirmed = false;
    Optional<WarehouseGateway.PackingRecord> packed = warehouse.packingRecord(vars.orderNo());
    boolean gift = Reason.MISSING_GIFT.name().equals(execution.getVariable(CaseVariables.REASON));
    if (gift) {
      List<PromisedGift> promised = gifts.ofOrder(vars.orderNo());
      List<PromisedGift> missing = gifts.missingFrom(vars.orderNo(),
          packed.map(WarehouseGateway.PackingRecord::items).orElse(null));
      GiftVariables.of(execution).missing(promised.isEmpty() ? List.of() : missing.isEmpty() ? promised : missing);
      if (promised.isEmpty()) {
        // nothing recorded to check against: the weight cannot say which gift, so an agent decides
        String note = "订单上没有登记承诺的赠品，仓库无从核对，请查看聊天记录";
        vars.shortShipment(false, note);
        ReshipVariables.of(execution).leftWhole(false);
        timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, "未核实到漏发：" + note, null);
        return;
      }
      if (packed.isEmpty()) {
        found.add("仓库无打包记录");
      } else if (!missing.isEmpty()) {
        confirmed = true;
        missing.forEach(g -> found.add("打包记录里没有承诺的赠品 " + g.label()));
      } else {
        found.add("打包记录显示承诺的赠品已装入");
      }
    } else if (packed.isEmpty()) {
      found.add("仓库无打包记录");
    } else {
      Order order = orders.find(vars.orderNo()).orElseThrow();
      for (CaseRequest.CaseItem item : ledger.items(vars.caseNo())) {
        int ordered = order.item(item.sku()).map(Order.Item::quantity).orElse(item.quantity());
        int count = packed.get().items().getOrDefault(item.sku(), 0);
        if (count < ordered) {
          confirmed = true;
          found.add("打包记录显示 " + item.sku() + " 订购 " + ordered + " 件，只装了 " + count + " 件");
        }
      }
      if (!confirmed) {
        found.add("打包记录显示商品已装齐");
      }
    }
    Integer packedGrams = packed.map(WarehouseGateway.PackingRecord::weightGrams).orElse(null);
    Optional<Integer> pickupGrams = vars.trackingNo() == null ? Optional.empty()
        : courier.pickupWeightGrams(vars.carrier(), vars.trackingNo());
    boolean weighedTheSame = false;
    if (packedGrams != null && pickupGrams.isPresent()) {
      boolean lighter = pickupGrams.get() < packedGrams - WEIGHT_TOLERANCE_GRAMS;
      confirmed |= lighter;
      weighedTheSame = !lighter;
      found.add("打包重量 " + packedGrams + " 克，快递揽收重量 " + pickupGrams.get() + " 克" + (lighter ? "，明显偏轻" : "，一致"));
    } else {
      found.add("无法比对重量");
    }
    String note = String.join("；", found);
    vars.shortShipment(confirmed, note);
    // every item packed and the courier's scale agreeing: whatever is missing left the parcel in the courier's care
    ReshipVariables.of(execution).leftWhole(packed.isPresent() && !confirmed && weighedTheSame);
    timeline.record(vars.caseNo(), CaseTimeline.Kind.STEP, (confirmed ? "核实确有漏发：" : "未核实到漏发：") + note, null);
  }
}
