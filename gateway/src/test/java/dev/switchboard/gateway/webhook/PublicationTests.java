package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import dev.switchboard.contracts.InboundDelivery;
import dev.switchboard.contracts.Provider;
import org.junit.jupiter.api.Test;

/** The one decision whether a body travels inside the message or by reference. */
class PublicationTests {

	private static final int LARGEST_INLINE = (int) WebhookProperties.LARGEST_INLINE_BODY.toBytes();

	@Test
	void keepsABodyOfTheLargestInlineSizeInsideTheMessage() {
		InboundDelivery delivery = delivery(new byte[LARGEST_INLINE]);

		Publication publication = new Publication(delivery);

		assertThat(publication.byReference()).isFalse();
		assertThat(publication.message()).isEqualTo(delivery);
	}

	@Test
	void sendsALargerBodyByReferenceWithoutTheBodyInTheMessage() {
		InboundDelivery delivery = delivery(new byte[LARGEST_INLINE + 1]);

		Publication publication = new Publication(delivery);

		assertThat(publication.byReference()).isTrue();
		assertThat(publication.message().byReference()).isTrue();
		assertThat(publication.message().body()).isEmpty();
		assertThat(publication.message().eventId()).isEqualTo(delivery.eventId());
	}

	@Test
	void keepsTheDecisionOfAMessageAlreadyByReference() {
		Publication publication = new Publication(delivery(new byte[LARGEST_INLINE + 1]));

		assertThat(new Publication(publication.message())).isEqualTo(publication);
	}

	static InboundDelivery delivery(byte[] body) {
		return InboundDelivery.of("corr-1", Provider.GITHUB, "issues", "delivery-1",
				Instant.parse("2026-11-23T10:00:00Z"), Map.of("x-github-event", "issues"), body);
	}

}
