package dev.switchboard.crmbridge.ticket;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code crm-bridge.commands.*}: how pending ticket commands are drained.
 *
 * @param drainInterval how often the drain looks for due tickets
 * @param requestsPerMinute the account's request budget (plan limits 200–2,500/min)
 * @param updatesPerTicket updates per ticket within {@code ticketWindow} (Zendesk: 30 per
 * 10 minutes)
 * @param ticketWindow the per-ticket window
 * @param failureBackoff first wait after the helpdesk stayed unavailable; doubles per
 * failure
 * @param maxFailures consecutive failures after which the commands are dead-lettered
 * @param authRecheck how long to pause after a 401/403 before trying again
 * @param settle how long a command waits after it was received before it is applied:
 * commands published together (an issue's held close note and its reopened note) but
 * consumed by two instances a few milliseconds apart are then applied together, in
 * {@code causedAt} order
 */
@Validated
@ConfigurationProperties("crm-bridge.commands")
public record CommandProperties(@DefaultValue("1s") Duration drainInterval,
		@DefaultValue("200") @Min(1) int requestsPerMinute, @DefaultValue("30") @Min(1) int updatesPerTicket,
		@DefaultValue("10m") Duration ticketWindow, @DefaultValue("30s") Duration failureBackoff,
		@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("1m") Duration authRecheck,
		@DefaultValue("500ms") Duration settle) {

}
