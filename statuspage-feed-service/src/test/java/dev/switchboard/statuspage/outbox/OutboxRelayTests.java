package dev.switchboard.statuspage.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The relay's rule: rows are marked sent only after the broker confirmed them all. */
class OutboxRelayTests {

	private final List<OutboxMessage> confirmed = new ArrayList<>();

	private final List<String> marked = new ArrayList<>();

	@Test
	void marksEveryRowSentAfterItsMessagesWereConfirmed() {
		OutboxRelay relay = new OutboxRelay((destination, messages) -> this.confirmed.addAll(messages));

		int relayed = relay.relay("tickets.commands", List.of("a", "b"), (row) -> List.of(message(), message()),
				this.marked::add);

		assertThat(relayed).isEqualTo(2);
		assertThat(this.confirmed).hasSize(4);
		assertThat(this.marked).containsExactly("a", "b");
	}

	@Test
	void marksNoRowWhenTheBrokerDidNotConfirm() {
		OutboxRelay relay = new OutboxRelay((destination, messages) -> {
			throw new IllegalStateException("No confirm for message");
		});

		assertThatIllegalStateException().isThrownBy(
				() -> relay.relay("status.incidents", List.of("a"), (row) -> List.of(message()), this.marked::add));
		assertThat(this.marked).isEmpty();
	}

	@Test
	void publishesNothingWhenNoRowIsUnsent() {
		OutboxRelay relay = new OutboxRelay((destination, messages) -> {
			throw new AssertionError("nothing to publish");
		});

		assertThat(relay.relay("status.incidents", List.<String>of(), (row) -> List.of(message()), this.marked::add))
			.isZero();
	}

	private static OutboxMessage message() {
		return new OutboxMessage(UUID.randomUUID(), "corr-1", "payload");
	}

}
