package dev.switchboard.remotesession.session;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.remotesession.RemoteSessionFixtures.fixture;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newSessionCode;
import static dev.switchboard.remotesession.RemoteSessionFixtures.newTicketId;
import static dev.switchboard.remotesession.RemoteSessionFixtures.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.switchboard.contracts.AddInternalNote;
import dev.switchboard.contracts.Author;
import dev.switchboard.contracts.NoteAdded;
import dev.switchboard.contracts.TicketCommand;
import dev.switchboard.remotesession.RemoteSessionHarness;
import dev.switchboard.remotesession.RemoteSessionIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@code /remote} note that cannot be carried out tells the agent on the ticket, in one
 * internal note, what to fix: driven by the note on {@code tickets.events} as crm-bridge
 * publishes it, TeamViewer faked with its real answers, each note delivered twice.
 */
@RemoteSessionIntegrationTest
class RemoteNoteFailureIntegrationTests {

	@Autowired
	RemoteSessionHarness harness;

	@Autowired
	JdbcClient jdbc;

	private static final Author AGENT = new Author("9001", "Ada Agent", "ada@example.com", "+14155550100");

	private static final Author AGENT_WITHOUT_EMAIL = new Author("9002", "Bob Agent", null, "+14155550101");

	@Test
	void tellsTheAgentOnceToAddAnEmailAddressWhenTheAuthorOfARemoteNoteHasNone() {
		String ticketId = newTicketId();
		this.harness.stubTeamviewerCreates(ticketId, newSessionCode());
		NoteAdded note = note(ticketId, "/remote", AGENT_WITHOUT_EMAIL);

		this.harness.publish(note);
		this.harness.publish(note);
		awaitMarker();

		List<TicketCommand> commands = this.harness.commandsFor(ticketId);
		assertThat(commands).hasSize(1).first().isInstanceOf(AddInternalNote.class);
		assertThat(((AddInternalNote) commands.get(0)).body()).isEqualTo(
				"/remote could not start a remote session: the note's author (Bob Agent) has no e-mail address in "
						+ "the helpdesk, and the session is started on behalf of that address.\n"
						+ "To fix: add an e-mail address to your helpdesk profile, then write /remote again.");
		assertThat(commands.get(0).correlationId()).isEqualTo(note.correlationId());
		this.harness.teamviewer().verifyThat(0, creationRequests(ticketId));
		assertThat(sessionsOf(ticketId)).isZero();
	}

	@Test
	void tellsTheAgentOnceWhatTeamviewerRefusedAndWhatToFix() {
		String ticketId = newTicketId();
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(403)
				.withHeader("Content-Type", "application/json")
				.withBody(fixture("teamviewer/error-forbidden.json", Map.of()))));
		NoteAdded note = note(ticketId, "/remote", AGENT);

		this.harness.publish(note);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notesOf(ticketId)).hasSize(1));
		this.harness.publish(note);
		awaitMarker();

		assertThat(this.harness.commandsFor(ticketId)).hasSize(1);
		assertThat(notesOf(ticketId).get(0)).startsWith("Remote session failed (TeamViewer ")
			.contains("): TeamViewer refused to create the session: refused with 403: "
					+ "The token does not have the SessionManagement.Create permission.\n"
					+ "To fix: ask your Switchboard administrator to give the TeamViewer token the permission named "
					+ "above, or to use a token that has it, then write /remote again.");
		this.harness.teamviewer().verifyThat(1, creationRequests(ticketId));
		assertThat(this.jdbc.sql("select state from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.single()).isEqualTo("FAILED");
	}

	@Test
	void tellsTheAgentOnceWhenTeamviewerStaysUnreachableUntilTheParkedStartIsGivenUp() {
		String ticketId = newTicketId();
		this.harness.teamviewer()
			.register(creation(ticketId).willReturn(aResponse().withStatus(503).withBody("upstream down")));
		NoteAdded note = note(ticketId, "/remote", AGENT);

		this.harness.publish(note);
		// parked, and tried again by the job (first wait 1 s in this context)
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.jdbc.sql("select start_attempts from remote_session where ticket_id = ? and state = 'CREATED'")
						.param(ticketId)
						.query(Integer.class)
						.single())
				.isGreaterThanOrEqualTo(2));
		assertThat(this.harness.commandsFor(ticketId)).isEmpty();

		// the invitation would have expired by now: the start is given up
		this.jdbc.sql("update remote_session set expires_at = ? where ticket_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), ticketId)
			.update();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(notesOf(ticketId)).hasSize(1));
		this.harness.publish(note);
		awaitMarker();

		assertThat(this.harness.commandsFor(ticketId)).hasSize(1);
		assertThat(notesOf(ticketId).get(0)).startsWith("Remote session failed (TeamViewer ")
			.containsPattern("TeamViewer could not be reached \\(answered 503\\) on \\d+ attempts since "
					+ "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC; no session was created\\.\n")
			.endsWith("To fix: nothing on your side; write /remote again once TeamViewer is reachable again "
					+ "(if it stays unreachable, tell your Switchboard administrator).");
		assertThat(this.jdbc.sql("select state from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(String.class)
			.single()).isEqualTo("FAILED");
	}

	@Test
	void parksARemoteNoteWhoseStartTeamviewerAnsweredUnreadablyAndStartsItWhenTeamviewerAnswersProperly() {
		String ticketId = newTicketId();
		String code = newSessionCode();
		String scenario = "unreadable-" + ticketId;
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(okJson("{\"code\": \"" + code + "\"}"))
				.willSetStateTo("fixed"));
		this.harness.teamviewer()
			.register(creation(ticketId).inScenario(scenario)
				.whenScenarioStateIs("fixed")
				.willReturn(okJson(fixture("teamviewer/session-created.json",
						Map.of("code", code, "description", "Ticket " + ticketId)))));

		this.harness.publish(note(ticketId, "/remote", AGENT));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(ticketId)).hasSize(2));
		assertThat(notesOf(ticketId).get(0)).startsWith("Remote session created with TeamViewer (session " + code);
		this.harness.teamviewer().verifyThat(2, creationRequests(ticketId));
	}

	/**
	 * Waits until a note published after everything else has been handled and its
	 * commands relayed: whatever the earlier notes caused has been relayed by then too.
	 */
	private void awaitMarker() {
		String marker = newTicketId();
		this.harness.publish(note(marker, "/remote", AGENT_WITHOUT_EMAIL));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.harness.commandsFor(marker)).hasSize(1));
	}

	private List<String> notesOf(String ticketId) {
		return this.harness.commandsFor(ticketId)
			.stream()
			.filter(AddInternalNote.class::isInstance)
			.map((command) -> ((AddInternalNote) command).body())
			.toList();
	}

	private long sessionsOf(String ticketId) {
		return this.jdbc.sql("select count(*) from remote_session where ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single();
	}

	private static MappingBuilder creation(String ticketId) {
		return post(urlPathEqualTo("/api/v1/sessions")).withRequestBody(containing("Ticket " + ticketId + " "));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder creationRequests(String ticketId) {
		return postRequestedFor(urlPathEqualTo("/api/v1/sessions"))
			.withRequestBody(containing("Ticket " + ticketId + " "));
	}

}
