package dev.switchboard.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.gateway.delivery.DeliveryLogProperties.GroupCommitMode;
import org.junit.jupiter.api.Test;

/** Where the delivery log's group commit is used. */
class DeliveryLogPropertiesTests {

	@Test
	void autoGroupsTheWritesToADatabaseServerButNotToTheEmbeddedH2() {
		assertThat(GroupCommitMode.AUTO.enabledFor("PostgreSQL")).isTrue();
		assertThat(GroupCommitMode.AUTO.enabledFor("H2")).isFalse();
		assertThat(GroupCommitMode.ON.enabledFor("H2")).isTrue();
		assertThat(GroupCommitMode.OFF.enabledFor("PostgreSQL")).isFalse();
	}

}
