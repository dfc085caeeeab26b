package dev.switchboard.gateway.delivery;

import java.util.List;

/**
 * One page of the delivery log (without bodies) and how many entries match in all.
 */
public record DeliveryPage(List<DeliverySummary> items, int page, int size, long total) {
}
