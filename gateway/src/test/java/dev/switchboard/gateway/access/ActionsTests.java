package dev.switchboard.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class ActionsTests {

	@Test
	void readsAreGetAndHeadOnly() {
		assertThat(Actions.classify("GET", "/api/deliveries").operation()).isEqualTo(Operation.READ);
		assertThat(Actions.classify("HEAD", "/console/dead-letters").operation()).isEqualTo(Operation.READ);
		assertThat(Actions.classify("OPTIONS", "/api/deliveries").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("POST", "/api/replay-jobs/estimate").operation()).isNotEqualTo(Operation.READ);
	}

	@Test
	void namesAReplayTheSameThroughTheApiAndTheConsole() {
		Action api = Actions.classify("POST", "/api/deliveries/3f0c6a1e-8a52-4c3e-9d0f-0b1b2c3d4e5f/replay");
		Action console = Actions.classify("POST", "/console/deliveries/3f0c6a1e-8a52-4c3e-9d0f-0b1b2c3d4e5f/replay");

		assertThat(api).isEqualTo(console)
			.isEqualTo(new Action(Operation.REPLAY, "delivery.replay", "3f0c6a1e-8a52-4c3e-9d0f-0b1b2c3d4e5f"));
	}

	@Test
	void classifiesReplayJobsAndDeadLetters() {
		assertThat(Actions.classify("POST", "/api/replay-jobs"))
			.isEqualTo(new Action(Operation.REPLAY, "replay-job.start", null));
		assertThat(Actions.classify("POST", "/console/replay-jobs/abc/cancel"))
			.isEqualTo(new Action(Operation.REPLAY, "replay-job.cancel", "abc"));
		assertThat(Actions.classify("POST", "/api/dead-letters/webhooks.inbound.gateway.dlq/replay"))
			.isEqualTo(new Action(Operation.REPLAY, "dead-letter.replay", "webhooks.inbound.gateway.dlq"));
		assertThat(Actions.classify("POST", "/console/dead-letters/q.dlq/discard"))
			.isEqualTo(new Action(Operation.DISCARD, "dead-letter.discard", "q.dlq"));
	}

	@Test
	void treatsAChangeNoRuleNamesAsTheStrongestKindNamedByMethodAndPath() {
		assertThat(Actions.classify("PATCH", "/api/subscriptions/42"))
			.isEqualTo(new Action(Operation.CHANGE, "PATCH /api/subscriptions/42", "/api/subscriptions/42"));
		assertThat(Actions.classify("PUT", "/api/links/7").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("DELETE", "/api/links").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("DELETE", "/api/calls/7").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("POST", "/api/something-added-later").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("POST", "/api/deliveries/a/b/replay").operation()).isEqualTo(Operation.CHANGE);
	}

	@Test
	void namesLinkingTheSameThroughTheApiAndTheConsoleAndMatchesTheMethodToo() {
		assertThat(Actions.classify("POST", "/api/links")).isEqualTo(new Action(Operation.LINK, "link.create", null));
		assertThat(Actions.classify("POST", "/console/links"))
			.isEqualTo(new Action(Operation.LINK, "link.create", null));
		assertThat(Actions.classify("DELETE", "/api/links/3f0c6a1e"))
			.isEqualTo(new Action(Operation.LINK, "link.delete", "3f0c6a1e"));
		assertThat(Actions.classify("POST", "/console/links/3f0c6a1e/delete"))
			.isEqualTo(new Action(Operation.LINK, "link.delete", "3f0c6a1e"));
		// the same paths with other methods are changes no rule names
		assertThat(Actions.classify("POST", "/api/links/3f0c6a1e").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("PATCH", "/api/links/3f0c6a1e").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("PUT", "/api/calls").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("DELETE", "/api/sessions").operation()).isEqualTo(Operation.CHANGE);
		assertThat(Actions.classify("DELETE", "/api/links/a/b").operation()).isEqualTo(Operation.CHANGE);
	}

	@Test
	void tellsATicketsSummaryFromEveryOtherRead() {
		assertThat(Actions.classify("GET", "/api/tickets/4711/summary"))
			.isEqualTo(new Action(Operation.TICKET_READ, "ticket.summary", "4711"));
		assertThat(Actions.classify("HEAD", "/api/tickets/4711/summary").operation()).isEqualTo(Operation.TICKET_READ);
		assertThat(Actions.classify("GET", "/api/tickets/4711").operation()).isEqualTo(Operation.READ);
		assertThat(Actions.classify("GET", "/api/tickets/4711/summary/x").operation()).isEqualTo(Operation.READ);
		assertThat(Actions.classify("GET", "/console/tickets/4711/summary").operation()).isEqualTo(Operation.READ);
		assertThat(Actions.classify("POST", "/api/tickets/4711/summary").operation()).isEqualTo(Operation.CHANGE);
	}

	@Test
	void letsAnyKeySignOutOfTheConsole() {
		assertThat(Actions.classify("POST", "/console/logout").operation()).isEqualTo(Operation.SIGN_OUT);
		for (Role role : Role.values()) {
			assertThat(role.may(Actions.classify("POST", "/console/logout").operation())).as(role.label()).isTrue();
		}
	}

	@Test
	void aViewerMayOnlyReadAnAgentReadsATicketLinksAndStartsAndAnOperatorMayDoEverything() {
		for (Operation operation : Operation.values()) {
			assertThat(Role.VIEWER.may(operation)).as(operation.name()).isEqualTo(operation.looks());
			assertThat(Role.AGENT.may(operation)).as(operation.name())
				.isEqualTo(EnumSet.of(Operation.TICKET_READ, Operation.LINK, Operation.START, Operation.SIGN_OUT)
					.contains(operation));
			assertThat(Role.OPERATOR.may(operation)).as(operation.name()).isTrue();
		}
		assertThat(Role.AGENT.opensConsole()).isFalse();
		assertThat(Role.VIEWER.opensConsole()).isTrue();
		assertThat(Role.named(" Agent ")).isEqualTo(Role.AGENT);
	}

}
