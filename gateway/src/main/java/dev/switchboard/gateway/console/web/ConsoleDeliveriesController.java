package dev.switchboard.gateway.console.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.switchboard.gateway.console.ConsoleUser;
import dev.switchboard.gateway.console.SecretHeaders;
import dev.switchboard.gateway.delivery.DeliveryLog;
import dev.switchboard.gateway.delivery.DeliveryPage;
import dev.switchboard.gateway.delivery.DeliveryQuery;
import dev.switchboard.gateway.delivery.DeliverySummary;
import dev.switchboard.gateway.delivery.LoggedDelivery;
import dev.switchboard.gateway.delivery.Outcome;
import dev.switchboard.gateway.replay.DeliveryReplay;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The delivery log in the console: filter and search (listed without bodies), one
 * delivery with its headers (secrets masked) and pretty-printed body, and Replay (the
 * admin API's replay).
 */
@Controller
class ConsoleDeliveriesController {

	static final List<String> PROVIDERS = List.of("github", "jira", "zendesk", "twilio", "statuspage",
			"remote-session");

	private static final int PAGE_SIZE = 50;

	private final DeliveryLog deliveries;

	private final DeliveryReplay replay;

	private final BodyView bodies;

	ConsoleDeliveriesController(DeliveryLog deliveries, DeliveryReplay replay, BodyView bodies) {
		this.deliveries = deliveries;
		this.replay = replay;
		this.bodies = bodies;
	}

	/** A row of the list, formatted. */
	record Row(UUID id, String receivedAt, String provider, String about, String eventType, String deliveryId,
			String outcome, int attempts, int replays, int sizeBytes) {

		static Row of(DeliverySummary delivery) {
			return new Row(delivery.id(), BodyView.time(delivery.receivedAt()), delivery.provider(),
					delivery.aboutOrEvent(), delivery.eventType(), delivery.deliveryId(),
					delivery.outcome().name().toLowerCase(Locale.ROOT), delivery.attempts(), delivery.replays(),
					delivery.sizeBytes());
		}

	}

	@GetMapping("/console/deliveries")
	String list(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String event,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
			HttpServletResponse response, Model model) {
		model.addAttribute("providers", PROVIDERS);
		Filter filter = new Filter(blankToNull(provider), blankToNull(event), blankToNull(outcome), blankToNull(from),
				blankToNull(to), blankToNull(q));
		model.addAttribute("filter", filter);
		model.addAttribute("filtered", filter.any());
		try {
			DeliveryPage found = this.deliveries.search(new DeliveryQuery(blankToNull(provider), blankToNull(event),
					outcome(outcome), utc(from), utc(to), q, false, Math.max(0, page), PAGE_SIZE));
			model.addAttribute("rows", found.items().stream().map(Row::of).toList());
			model.addAttribute("page", found.page());
			model.addAttribute("total", found.total());
			model.addAttribute("hasNext", (long) (found.page() + 1) * found.size() < found.total());
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("rows", List.of());
			model.addAttribute("page", 0);
			model.addAttribute("total", 0);
			model.addAttribute("hasNext", false);
			model.addAttribute("problem", "The filter was not understood: " + ex.getMessage()
					+ ". Times are UTC, as 2026-05-01T14:30; the outcome is published or unconfirmed.");
		}
		return "console/deliveries";
	}

	/** The filter as entered, to show it again and to page with it. */
	record Filter(@Nullable String provider, @Nullable String event, @Nullable String outcome, @Nullable String from,
			@Nullable String to, @Nullable String q) {

		boolean any() {
			return this.provider != null || this.event != null || this.outcome != null || this.from != null
					|| this.to != null || this.q != null;
		}

	}

	@GetMapping("/console/deliveries/{id}")
	String one(@PathVariable String id, @RequestParam(required = false) @Nullable String notice,
			HttpServletResponse response, Model model) {
		LoggedDelivery delivery = ConsoleText.uuid(id).flatMap(this.deliveries::find).orElse(null);
		if (delivery == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		model.addAttribute("delivery", Row.of(delivery.summary()));
		model.addAttribute("correlationId", delivery.correlationId());
		model.addAttribute("lastReplayedAt", BodyView.time(delivery.lastReplayedAt()));
		model.addAttribute("headers", SecretHeaders.masked(delivery.headers()));
		model.addAttribute("body", this.bodies.pretty(delivery.body(), contentType(delivery)));
		model.addAttribute("notice", "replayed".equals(notice) ? "Replayed: published again with the same id." : null);
		return "console/delivery";
	}

	@PostMapping("/console/deliveries/{id}/replay")
	String replay(@PathVariable String id, HttpServletRequest request, HttpServletResponse response, Model model) {
		UUID uuid = ConsoleText.uuid(id).orElse(null);
		if (uuid == null) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "console/not-found";
		}
		ConsoleUser session = ConsoleModel.sessionOf(request);
		return switch (this.replay.replay(uuid, "console key '" + session.keyName() + "'")) {
			case DeliveryReplay.Result.Replayed replayed ->
				ConsolePaths.seeOther(request, "/console/deliveries/" + uuid + "?notice=replayed");
			case DeliveryReplay.Result.NotFound missing -> {
				response.setStatus(HttpStatus.NOT_FOUND.value());
				yield "console/not-found";
			}
			case DeliveryReplay.Result.Unavailable unavailable -> {
				response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
				model.addAttribute("title", "Replay not confirmed");
				model.addAttribute("detail", "The broker did not confirm the replay (" + unavailable.reason()
						+ "). Nothing was lost: go back and press Replay again once RabbitMQ is reachable.");
				yield "console/problem";
			}
		};
	}

	private static @Nullable String contentType(LoggedDelivery delivery) {
		return delivery.headers()
			.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("content-type"))
			.map(java.util.Map.Entry::getValue)
			.findFirst()
			.orElse(delivery.provider().equals("twilio") ? "application/x-www-form-urlencoded" : null);
	}

	private static @Nullable Outcome outcome(@Nullable String outcome) {
		return (outcome == null || outcome.isBlank()) ? null : Outcome.valueOf(outcome.toUpperCase(Locale.ROOT));
	}

	private static @Nullable Instant utc(@Nullable String localTime) {
		return (localTime == null || localTime.isBlank()) ? null
				: LocalDateTime.parse(localTime).toInstant(ZoneOffset.UTC);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
