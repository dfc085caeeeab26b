package dev.switchboard.issuesync.link.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.switchboard.issuesync.link.Cause;
import dev.switchboard.issuesync.link.IssueUrls;
import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Linking;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.link.TicketIds;
import dev.switchboard.issuesync.tracker.IssueLocator;
import dev.switchboard.issuesync.tracker.IssueSnapshot;
import dev.switchboard.issuesync.tracker.Issues;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/links}: create (ticket id + issue URL), list by ticket or issue, delete.
 */
@RestController
@RequestMapping("/api/links")
class LinkController {

	private final Linking linking;

	private final Links links;

	private final Issues issues;

	private final IssueUrls urls;

	private final Clock clock;

	LinkController(Linking linking, Links links, Issues issues, IssueUrls urls, Clock clock) {
		this.linking = linking;
		this.links = links;
		this.issues = issues;
		this.urls = urls;
		this.clock = clock;
	}

	@PostMapping
	ResponseEntity<LinkView> create(@Valid @RequestBody CreateLink request,
			@RequestHeader(name = "X-Correlation-Id", required = false) @Nullable String correlationId) {
		String ticketId = TicketIds.require("ticketId", request.ticketId());
		IssueLocator issue = this.urls.parse(request.issueUrl())
			.orElseThrow(() -> new UnsupportedIssueUrl(request.issueUrl()));
		Instant now = this.clock.instant();
		Cause cause = new Cause("api|" + ticketId + "|" + issue.tracker().id() + "|" + issue.key(),
				(correlationId != null && !correlationId.isBlank()) ? correlationId : "api-" + UUID.randomUUID(), now);
		Linking.LinkResult result = this.linking.link(ticketId, issue, cause);
		LinkView view = LinkView.of(result.link(), result.issue(), reports(result.issue()));
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/links/" + view.id()))
			.body(view);
	}

	@GetMapping
	List<LinkView> list(@RequestParam(required = false) @Nullable String ticketId,
			@RequestParam(required = false) @Nullable String issueUrl) {
		if ((ticketId == null) == (issueUrl == null)) {
			throw new IllegalArgumentException("Give exactly one of ticketId and issueUrl");
		}
		if (ticketId != null) {
			return this.links.ofTicket(TicketIds.require("ticketId", ticketId)).stream().map(this::view).toList();
		}
		IssueLocator issue = this.urls.parse(issueUrl).orElseThrow(() -> new UnsupportedIssueUrl(issueUrl));
		return this.issues.byKey(issue.tracker(), issue.key())
			.map((snapshot) -> this.links.ofIssue(snapshot.tracker(), snapshot.issueId())
				.stream()
				.map((link) -> LinkView.of(link, snapshot, reports(snapshot)))
				.toList())
			.orElse(List.of());
	}

	@GetMapping("/{id}")
	LinkView get(@PathVariable UUID id) {
		return this.links.byId(id).map(this::view).orElseThrow(() -> new UnknownLink(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		Cause cause = new Cause("api-delete|" + id + "|" + this.clock.instant(), "api-" + UUID.randomUUID(),
				this.clock.instant());
		if (!this.linking.remove(id, cause)) {
			throw new UnknownLink(id);
		}
		return ResponseEntity.noContent().build();
	}

	private LinkView view(Link link) {
		return this.issues.find(link.tracker(), link.issueId())
			.map((issue) -> LinkView.of(link, issue, reports(issue)))
			.orElseThrow(() -> new UnknownLink(link.id()));
	}

	/** How many tickets are linked to the issue: the customers waiting on it. */
	private int reports(IssueSnapshot issue) {
		return this.links.ofIssue(issue.tracker(), issue.issueId()).size();
	}

	/**
	 * {@code POST /api/links} body; the ticket id is checked by {@link TicketIds}, so
	 * that the problem names the field.
	 */
	record CreateLink(@Nullable String ticketId, @NotBlank @Size(max = 1000) String issueUrl) {
	}

	/**
	 * A link as the API shows it: the request's fields plus id and the issue's state.
	 *
	 * @param statusCategory Jira's status category ({@code new}, {@code indeterminate}:
	 * in progress, {@code done}); none for GitHub
	 * @param assignee the issue's assignee, if any and known
	 * @param updatedAt the tracker's last change of the issue
	 * @param reports how many tickets are linked to the issue, this one included
	 */
	record LinkView(UUID id, String ticketId, String issueUrl, String tracker, String issueId, String issueKey,
			String title, String state, String category, Instant createdAt, @Nullable String statusCategory,
			@Nullable String assignee, Instant updatedAt, int reports) {

		static LinkView of(Link link, IssueSnapshot issue, int reports) {
			return new LinkView(link.id(), link.ticketId(), issue.url(), issue.tracker().id(), issue.issueId(),
					issue.key(), issue.title(), issue.state(), issue.category().id(), link.createdAt(),
					issue.statusCategory(), issue.assignee(), issue.updatedAt(), reports);
		}

	}

}
