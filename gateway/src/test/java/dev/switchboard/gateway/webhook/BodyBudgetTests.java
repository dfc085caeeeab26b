package dev.switchboard.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class BodyBudgetTests {

	private static final long MB = 1024 * 1024;

	@Test
	void refusesWhatWouldGoOverTheBudgetAndGivesBytesBackOnClose() {
		BodyBudget budget = budget(16 * MB);
		BodyBudget.Lease first = budget.lease();
		BodyBudget.Lease second = budget.lease();

		assertThat(first.grow(8 * MB)).isTrue();
		assertThat(second.grow(8 * MB)).isFalse();
		assertThat(second.held()).isZero();
		first.close();
		assertThat(second.grow(8 * MB)).isTrue();
		second.close();
		assertThat(budget.available()).isEqualTo(16 * MB);
	}

	@Test
	void keepsAReserveThatLargeBodiesCannotTakeFromSmallOnes() {
		BodyBudget budget = budget(16 * MB);
		int large = 0;
		while (budget.lease().grow(MB)) {
			large++;
		}

		assertThat(large).isEqualTo(14);
		BodyBudget.Lease small = budget.lease();
		assertThat(small.grow(4 * 1024)).isTrue();
		assertThat(small.grow(BodyBudget.SMALL_BODY)).as("no longer small").isFalse();
	}

	@Test
	void refusesToStartWhenTheLargestBodyCouldNeverBeRead() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BodyBudget(SchemeFixtures.gateway("http://localhost", DataSize.ofMegabytes(1)),
					SchemeFixtures.only("github", SchemeFixtures.secrets("secret", null))))
			.withMessageContaining("GATEWAY_INGRESS_BODYBUDGET");
	}

	private static BodyBudget budget(long bytes) {
		return new BodyBudget(SchemeFixtures.gateway("http://localhost", DataSize.ofBytes(bytes)),
				SchemeFixtures.only("github", SchemeFixtures.secrets("secret", null)));
	}

}
