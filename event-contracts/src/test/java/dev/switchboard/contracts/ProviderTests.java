package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderTests {

	@Test
	void ownersBindEveryEventOfTheirProvidersIncludingDottedOnes() {
		assertThat(Provider.ownedBy(ServiceNames.ISSUE_SYNC)).containsExactly(Provider.GITHUB, Provider.JIRA);
		assertThat(Provider.ownedBy(ServiceNames.CRM_BRIDGE)).containsExactly(Provider.ZENDESK, Provider.TWILIO);
		assertThat(Provider.ZENDESK.routingKey("zen:event-type:ticket.comment_added"))
			.isEqualTo("zendesk.zen:event-type:ticket.comment_added");
		assertThat(Provider.REMOTE_SESSION.bindingKey()).isEqualTo("remote-session.#");
	}

	@Test
	void everyServiceButTheGatewayOwnsAtLeastOneProvider() {
		for (String owner : new String[] { ServiceNames.ISSUE_SYNC, ServiceNames.STATUSPAGE_FEED,
				ServiceNames.CRM_BRIDGE, ServiceNames.REMOTE_SESSION }) {
			assertThat(Provider.ownedBy(owner)).as(owner).isNotEmpty();
		}
		assertThat(Provider.ownedBy(ServiceNames.GATEWAY)).isEmpty();
	}

	@Test
	void queueNamesFollowTheBindersConvention() {
		assertThat(Destinations.queue(Destinations.WEBHOOKS_INBOUND, ServiceNames.ISSUE_SYNC))
			.isEqualTo("webhooks.inbound.issue-sync-service");
		assertThat(Destinations.deadLetterQueue(Destinations.WEBHOOKS_INBOUND, ServiceNames.ISSUE_SYNC))
			.isEqualTo("webhooks.inbound.issue-sync-service.dlq");
		assertThat(Provider.byId("remote-session")).contains(Provider.REMOTE_SESSION);
		assertThat(Provider.byId("gitlab")).isEmpty();
	}

}
