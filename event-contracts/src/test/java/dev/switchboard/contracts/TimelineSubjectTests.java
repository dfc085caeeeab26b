package dev.switchboard.contracts;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TimelineSubjectTests {

	@Test
	void classifiesWhatAnOperatorTypes() {
		assertThat(TimelineSubject.of("4711")).isEqualTo(TimelineSubject.TICKET);
		assertThat(TimelineSubject.of("https://github.com/acme/widgets/issues/42")).isEqualTo(TimelineSubject.ISSUE);
		assertThat(TimelineSubject.of("HTTPS://acme.atlassian.net/browse/OPS-7")).isEqualTo(TimelineSubject.ISSUE);
		assertThat(TimelineSubject.of("CA0123456789abcdef0123456789abcdef")).isEqualTo(TimelineSubject.CALL);
		assertThat(TimelineSubject.of("3f2b8c1e-7d4a-4e8b-9c2d-1a2b3c4d5e6f")).isEqualTo(TimelineSubject.SESSION);
		assertThat(TimelineSubject.of("p3ks0wb2x1yz")).isEqualTo(TimelineSubject.INCIDENT);
	}

	@Test
	void aValueThatOnlyLooksLikeOneIsAnIncidentCode() {
		assertThat(TimelineSubject.of("CA0123")).isEqualTo(TimelineSubject.INCIDENT);
		assertThat(TimelineSubject.of("4711a")).isEqualTo(TimelineSubject.INCIDENT);
		assertThat(TimelineSubject.of("1234567890123456789")).as("longer than a ticket id can be")
			.isEqualTo(TimelineSubject.INCIDENT);
		assertThat(TimelineSubject.of("javascript:alert(1)")).isEqualTo(TimelineSubject.INCIDENT);
	}

	@Test
	void anEntryHasOneOfThreeOutcomes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TimelineEntry(Instant.EPOCH, ServiceNames.CRM_BRIDGE,
				"command.applied", "Reopened", "done", null));
		assertThat(new TimelineEntry(Instant.EPOCH, ServiceNames.CRM_BRIDGE, "command.applied", "Reopened",
				TimelineEntry.OK, null)
			.outcome()).isEqualTo("ok");
	}

}
