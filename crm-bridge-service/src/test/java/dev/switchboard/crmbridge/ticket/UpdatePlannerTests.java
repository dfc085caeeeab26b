package dev.switchboard.crmbridge.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.AddPublicReply;
import dev.switchboard.contracts.AddTags;
import dev.switchboard.contracts.Reopen;
import dev.switchboard.contracts.SetField;
import dev.switchboard.contracts.TicketCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpdatePlannerTests {

	private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void joinsNotesOfOneVisibilityAndLeavesTheOtherForTheNextUpdate() {
		TicketCommand first = AddInternalNote.of(UUID.randomUUID(), "c", "1", T0, "one");
		TicketCommand reply = AddPublicReply.of(UUID.randomUUID(), "c", "1", T0.plusSeconds(1), "public");
		TicketCommand second = AddInternalNote.of(UUID.randomUUID(), "c", "1", T0.plusSeconds(2), "two");
		TicketCommand tags = AddTags.of(UUID.randomUUID(), "c", "1", T0.plusSeconds(3), List.of("a", "b"));
		TicketCommand field = SetField.of(UUID.randomUUID(), "c", "1", T0.plusSeconds(4), "360012345678", "open");

		UpdatePlan plan = UpdatePlanner.next(List.of(first, reply, second, tags, field), null);

		assertThat(plan.update().comment()).isEqualTo(new TicketUpdate.Comment("one\n\ntwo", false));
		assertThat(plan.update().additionalTags()).containsExactly("a", "b");
		assertThat(plan.update().customFields()).containsEntry("360012345678", "open");
		assertThat(plan.applied()).containsExactly(first.commandId(), second.commandId(), tags.commandId(),
				field.commandId());
		assertThat(plan.remaining()).containsExactly(reply);
		UpdatePlan next = UpdatePlanner.next(plan.remaining(), null);
		assertThat(next.update().comment()).isEqualTo(new TicketUpdate.Comment("public", true));
		assertThat(next.remaining()).isEmpty();
	}

	@Test
	void dropsAReopenCausedBeforeTheLastStatusChangeBySomeoneElseWithANote() {
		TicketCommand stale = Reopen.of(UUID.randomUUID(), "c", "1", T0);

		UpdatePlan plan = UpdatePlanner.next(List.of(stale), T0.plusSeconds(60));

		assertThat(plan.update().status()).isNull();
		assertThat(plan.dropped()).containsOnlyKeys(stale.commandId());
		assertThat(plan.update().comment()).isNotNull().satisfies((comment) -> {
			assertThat(comment.publicComment()).isFalse();
			assertThat(comment.body()).contains("did not reopen");
		});
	}

	@Test
	void reopensWhenTheReopenIsNewerThanTheLastStatusChange() {
		TicketCommand reopen = Reopen.of(UUID.randomUUID(), "c", "1", T0.plusSeconds(120));

		UpdatePlan plan = UpdatePlanner.next(List.of(reopen), T0);

		assertThat(plan.update().status()).isEqualTo("open");
		assertThat(plan.update().comment()).isNull();
		assertThat(plan.applied()).containsExactly(reopen.commandId());
	}

}
