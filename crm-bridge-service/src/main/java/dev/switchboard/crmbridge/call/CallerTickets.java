package dev.switchboard.crmbridge.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.switchboard.crmbridge.ticket.Helpdesk;
import dev.switchboard.crmbridge.ticket.HelpdeskTicket;
import dev.switchboard.crmbridge.ticket.HelpdeskUser;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Finds who called and which ticket gets the call: the caller by phone number (E.164
 * compared, whatever format the helpdesk holds), a new end user when nobody matches; the
 * caller's most recent unsolved ticket updated within the reuse window, else none (a new
 * ticket is created by the caller of this class).
 */
@Component
public class CallerTickets {

	private final Helpdesk helpdesk;

	private final PhoneNumbers numbers;

	private final CallProperties properties;

	private final CallMetrics metrics;

	public CallerTickets(Helpdesk helpdesk, PhoneNumbers numbers, CallProperties properties, CallMetrics metrics) {
		this.helpdesk = helpdesk;
		this.numbers = numbers;
		this.properties = properties;
		this.metrics = metrics;
	}

	public Choice choose(@Nullable String rawNumber, Instant at) {
		Optional<String> e164 = (rawNumber != null) ? this.numbers.e164(rawNumber) : Optional.empty();
		if (e164.isEmpty()) {
			this.metrics.lookup("anonymous");
			return new Choice(null, null, null, List.of());
		}
		String number = e164.get();
		List<HelpdeskUser> matches = this.helpdesk.endUsersByPhone(this.numbers.nationalDigits(number))
			.stream()
			.filter((user) -> user.phone() != null
					&& this.numbers.e164(user.phone()).filter(number::equals).isPresent())
			.sorted(Comparator.comparing(HelpdeskUser::id))
			.toList();
		if (matches.isEmpty()) {
			this.metrics.lookup("none");
			HelpdeskUser created = this.helpdesk.createEndUser(this.numbers.display(number), number);
			return new Choice(number, created, null, List.of());
		}
		if (matches.size() == 1) {
			this.metrics.lookup("one");
			return new Choice(number, matches.get(0), recentTicket(matches.get(0), at), List.of());
		}
		this.metrics.lookup("several");
		if (this.properties.multipleMatches() == CallProperties.MultipleMatches.NEW_TICKET_LISTING_CANDIDATES) {
			return new Choice(number, matches.get(0), null, matches);
		}
		List<Candidate> candidates = new ArrayList<>();
		for (HelpdeskUser user : matches) {
			HelpdeskTicket ticket = recentTicket(user, at);
			if (ticket != null) {
				candidates.add(new Candidate(user, ticket));
			}
		}
		return candidates.stream()
			.max(Comparator.comparing((Candidate candidate) -> Instant.parse(candidate.ticket().updatedStamp())))
			.map((best) -> new Choice(number, best.user(), best.ticket(), List.<HelpdeskUser>of()))
			.orElseGet(() -> new Choice(number, matches.get(0), null, matches));
	}

	private @Nullable HelpdeskTicket recentTicket(HelpdeskUser user, Instant at) {
		Instant since = at.minus(this.properties.reuseWindow());
		return this.helpdesk.requestedTickets(user.id())
			.stream()
			.filter(HelpdeskTicket::unsolved)
			.filter((ticket) -> !Instant.parse(ticket.updatedStamp()).isBefore(since))
			.max(Comparator.comparing((HelpdeskTicket ticket) -> Instant.parse(ticket.updatedStamp())))
			.orElse(null);
	}

	/**
	 * @param number the caller in E.164, null when withheld
	 * @param user the requester for a new ticket
	 * @param ticket the ticket to log on, null: create one
	 * @param candidates several matching users, listed in the note
	 */
	public record Choice(@Nullable String number, @Nullable HelpdeskUser user, @Nullable HelpdeskTicket ticket,
			List<HelpdeskUser> candidates) {
	}

	private record Candidate(HelpdeskUser user, HelpdeskTicket ticket) {
	}

}
