package dev.switchboard.issuesync.issuechange;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.switchboard.issuesync.tracker.Tracker;

/** {@link Fixes} in maps. */
class InMemoryFixes implements Fixes {

	private final Map<String, List<IssueFix>> fixes = new LinkedHashMap<>();

	private final Map<String, HeldNote> held = new LinkedHashMap<>();

	private final Map<String, String> notices = new LinkedHashMap<>();

	private static String id(Tracker tracker, String issueId) {
		return tracker.id() + "|" + issueId;
	}

	@Override
	public void record(Tracker tracker, String issueId, IssueFix fix) {
		List<IssueFix> known = this.fixes.computeIfAbsent(id(tracker, issueId), (key) -> new ArrayList<>());
		if (known.stream().noneMatch((other) -> other.pullRequest().equals(fix.pullRequest()))) {
			known.add(fix);
			known.sort(Comparator.comparing(IssueFix::mergedAt));
		}
	}

	@Override
	public List<IssueFix> of(Tracker tracker, String issueId) {
		return List.copyOf(this.fixes.getOrDefault(id(tracker, issueId), List.of()));
	}

	@Override
	public List<String> closedBy(Tracker tracker, String pullRequest) {
		String prefix = tracker.id() + "|";
		return this.fixes.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix))
			.filter((entry) -> entry.getValue()
				.stream()
				.anyMatch((fix) -> fix.pullRequest()
					.toLowerCase(Locale.ROOT)
					.equals(pullRequest.toLowerCase(Locale.ROOT))))
			.map((entry) -> entry.getKey().substring(prefix.length()))
			.sorted()
			.toList();
	}

	@Override
	public void hold(Tracker tracker, String issueId, HeldNote note) {
		this.held.put(id(tracker, issueId), note);
	}

	@Override
	public boolean claimShippedNotice(Tracker tracker, String issueId, String ticketId, String releaseKey, Instant at) {
		return releaseKey
			.equals(this.notices.computeIfAbsent(id(tracker, issueId) + "|" + ticketId, (key) -> releaseKey));
	}

	@Override
	public boolean held(Tracker tracker, String issueId) {
		return this.held.containsKey(id(tracker, issueId));
	}

	@Override
	public Optional<HeldNote> take(Tracker tracker, String issueId) {
		return Optional.ofNullable(this.held.remove(id(tracker, issueId)));
	}

	@Override
	public List<String[]> due(Instant now, int limit) {
		return this.held.entrySet()
			.stream()
			.filter((entry) -> !entry.getValue().dueAt().isAfter(now))
			.sorted(Comparator.comparing((Map.Entry<String, HeldNote> entry) -> entry.getValue().dueAt()))
			.limit(limit)
			.map((entry) -> entry.getKey().split("\\|", 2))
			.toList();
	}

}
