package dev.switchboard.issuesync.issuechange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.issuesync.link.Link;
import dev.switchboard.issuesync.link.Links;
import dev.switchboard.issuesync.tracker.Tracker;

/** {@link Links} in a map, unique on ticket and issue like the table. */
class InMemoryLinks implements Links {

	private final Map<UUID, Link> links = new LinkedHashMap<>();

	@Override
	public boolean add(Link link) {
		boolean taken = this.links.values()
			.stream()
			.anyMatch((other) -> other.ticketId().equals(link.ticketId()) && other.tracker() == link.tracker()
					&& other.issueId().equals(link.issueId()));
		return !taken && this.links.putIfAbsent(link.id(), link) == null;
	}

	@Override
	public Optional<Link> byId(UUID id) {
		return Optional.ofNullable(this.links.get(id));
	}

	@Override
	public List<Link> ofTicket(String ticketId) {
		return this.links.values().stream().filter((link) -> link.ticketId().equals(ticketId)).toList();
	}

	@Override
	public List<Link> ofIssue(Tracker tracker, String issueId) {
		return this.links.values()
			.stream()
			.filter((link) -> link.tracker() == tracker && link.issueId().equals(issueId))
			.sorted(Comparator.comparing(Link::ticketId))
			.toList();
	}

	@Override
	public boolean remove(UUID id) {
		return this.links.remove(id) != null;
	}

	@Override
	public List<Link> moveTicket(String fromTicketId, String toTicketId) {
		List<Link> moved = new ArrayList<>();
		for (Link link : ofTicket(fromTicketId)) {
			remove(link.id());
			Link target = Link.of(toTicketId, link.tracker(), link.issueId(), link.createdAt());
			if (add(target)) {
				moved.add(target);
			}
		}
		return moved;
	}

	@Override
	public List<Link> rekey(Tracker tracker, String oldIssueId, String newIssueId) {
		List<Link> moved = new ArrayList<>();
		for (Link link : ofIssue(tracker, oldIssueId)) {
			Link rekeyed = new Link(link.id(), link.ticketId(), tracker, newIssueId, link.createdAt());
			this.links.put(link.id(), rekeyed);
			moved.add(rekeyed);
		}
		return moved;
	}

}
