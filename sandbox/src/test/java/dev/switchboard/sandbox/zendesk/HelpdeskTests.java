package dev.switchboard.sandbox.zendesk;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HelpdeskTests {

	private final Helpdesk helpdesk = new Helpdesk(Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));

	private final User customer = this.helpdesk.addUser("Dana", "dana@example.com", "end-user");

	@Test
	void reopensASolvedTicketWithAnInternalNote() {
		Ticket ticket = this.helpdesk.open("Checkout fails", this.customer.id(), "It fails.", "solved");

		Ticket updated = this.helpdesk.update(ticket.id(),
				new TicketUpdate("Issue closed", false, "open", false, null));

		assertThat(updated.status()).isEqualTo("open");
		assertThat(updated.comments().getLast()).satisfies((note) -> {
			assertThat(note.publicComment()).isFalse();
			assertThat(note.authorId()).isEqualTo(Helpdesk.API_USER);
		});
	}

	@Test
	void refusesToReopenAClosedTicket() {
		Ticket ticket = this.helpdesk.open("Old problem", this.customer.id(), "It failed.", "closed");

		assertThatExceptionOfType(UpdateRefusedException.class)
			.isThrownBy(() -> this.helpdesk.update(ticket.id(), new TicketUpdate("Again", false, "open", false, null)))
			.satisfies((ex) -> assertThat(ex.refused()).isEqualTo(new UpdateRefused.Closed(ticket.id())))
			.satisfies((ex) -> assertThat(ex.refused().httpStatus()).isEqualTo(422));
		assertThat(this.helpdesk.ticket(ticket.id()).orElseThrow().status()).isEqualTo("closed");
		assertThat(this.helpdesk.ticket(ticket.id()).orElseThrow().comments()).hasSize(1);
	}

	@Test
	void refusesASafeUpdateReadBeforeTheLastChange() {
		Ticket ticket = this.helpdesk.open("Checkout fails", this.customer.id(), "It fails.", "open");
		String stamp = ticket.updatedAt().toString();
		this.helpdesk.comment(ticket.id(), this.customer.id(), "Any news?", true);

		assertThatExceptionOfType(UpdateRefusedException.class)
			.isThrownBy(() -> this.helpdesk.update(ticket.id(), new TicketUpdate("Note", false, null, true, stamp)))
			.satisfies((ex) -> assertThat(ex.refused().httpStatus()).isEqualTo(409));
	}

	@Test
	void movesUpdatedAtByAtLeastASecondWithEveryChange() {
		Ticket ticket = this.helpdesk.open("Checkout fails", this.customer.id(), "It fails.", "open");

		Ticket updated = this.helpdesk.update(ticket.id(),
				new TicketUpdate("Note", false, null, true, ticket.updatedAt().toString()));

		assertThat(updated.updatedAt()).isEqualTo(ticket.updatedAt().plusSeconds(1));
	}

	@Test
	void findsEndUsersByTheLastDigitsOfTheirPhoneWhateverItsFormat() {
		User fay = this.helpdesk.addUser("Fay", "fay@example.com", "(415) 555-0123", "end-user");
		this.helpdesk.addUser("Alice", "alice@example.com", "+1 415 555 0123", "agent");

		assertThat(this.helpdesk.endUsersByPhone("4155550123")).containsExactly(fay);
		assertThat(this.helpdesk.endUsersByPhone("4155550199")).isEmpty();
	}

	@Test
	void createsOneTicketPerIdempotencyKey() {
		NewTicket request = new NewTicket("Missed call from +1 415-555-0199", this.customer.id(), "Missed call.", false,
				null, List.of(), "switchboard-call-CA1");

		Ticket first = this.helpdesk.create(request);
		Ticket again = this.helpdesk.create(request);

		assertThat(again.id()).isEqualTo(first.id());
		assertThat(this.helpdesk.tickets()).hasSize(1);
		assertThat(first.status()).isEqualTo("new");
		assertThat(first.comments()).singleElement().satisfies((note) -> {
			assertThat(note.publicComment()).isFalse();
			assertThat(note.authorId()).isEqualTo(Helpdesk.API_USER);
		});
	}

	@Test
	void refusesTheThirtyFirstUpdateOfATicketInTenMinutesWithRetryAfter() {
		Ticket ticket = this.helpdesk.open("Chatty", this.customer.id(), "Hello.", "open");
		for (int i = 0; i < Helpdesk.UPDATES_PER_WINDOW; i++) {
			this.helpdesk.update(ticket.id(), new TicketUpdate("Note " + i, false, null, false, null));
		}

		assertThatExceptionOfType(UpdateRefusedException.class)
			.isThrownBy(() -> this.helpdesk.update(ticket.id(), new TicketUpdate("One more", false, null, false, null)))
			.satisfies((ex) -> assertThat(ex.refused())
				.isEqualTo(new UpdateRefused.RateLimited(ticket.id(), Helpdesk.UPDATE_WINDOW.toSeconds())));
	}

}
