package dev.switchboard.gateway.delivery;

import java.util.List;

/** One page of the delivery log and how many entries match in all. */
public record DeliveryPage(List<LoggedDelivery> items, int page, int size, long total) {
}
