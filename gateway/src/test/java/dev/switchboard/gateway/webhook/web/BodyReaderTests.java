package dev.switchboard.gateway.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

import dev.switchboard.gateway.webhook.BodyBudget;
import dev.switchboard.gateway.webhook.SchemeFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class BodyReaderTests {

	private final byte[] body = new byte[300_000];

	private final BodyBudget budget = new BodyBudget(
			SchemeFixtures.gateway("http://localhost", DataSize.ofMegabytes(4)),
			SchemeFixtures.only("github", SchemeFixtures.secrets("secret", null)));

	BodyReaderTests() {
		new Random(7).nextBytes(this.body);
	}

	@Test
	void readsADeclaredBodyExactlyAndHoldsItsLength() throws IOException {
		try (BodyBudget.Lease lease = this.budget.lease()) {
			BodyReader.Read read = BodyReader.read(new ByteArrayInputStream(this.body), this.body.length, 1_000_000,
					lease);

			assertThat(read).isInstanceOfSatisfying(BodyReader.Read.Body.class,
					(whole) -> assertThat(whole.bytes()).isEqualTo(this.body));
			assertThat(lease.held()).isEqualTo(this.body.length);
		}
		assertThat(this.budget.available()).isEqualTo(this.budget.total());
	}

	@Test
	void readsAChunkedBodyWithinTheLimit() throws IOException {
		try (BodyBudget.Lease lease = this.budget.lease()) {
			BodyReader.Read read = BodyReader.read(new ByteArrayInputStream(this.body), -1, 1_000_000, lease);

			assertThat(read).isInstanceOfSatisfying(BodyReader.Read.Body.class,
					(whole) -> assertThat(whole.bytes()).isEqualTo(this.body));
		}
	}

	@Test
	void stopsAChunkedBodyAtTheLimit() throws IOException {
		try (BodyBudget.Lease lease = this.budget.lease()) {
			assertThat(BodyReader.read(new ByteArrayInputStream(this.body), -1, 100_000, lease))
				.isInstanceOf(BodyReader.Read.TooLarge.class);
		}
	}

	@Test
	void readsNothingWhenTheBudgetCannotHoldTheDeclaredBody() throws IOException {
		ByteArrayInputStream in = new ByteArrayInputStream(this.body);
		try (BodyBudget.Lease hog = this.budget.lease(); BodyBudget.Lease lease = this.budget.lease()) {
			assertThat(hog.grow(3400 * 1024)).isTrue();

			assertThat(BodyReader.read(in, this.body.length, 1_000_000, lease))
				.isInstanceOf(BodyReader.Read.OverBudget.class);
			assertThat(in.available()).isEqualTo(this.body.length);
		}
	}

}
