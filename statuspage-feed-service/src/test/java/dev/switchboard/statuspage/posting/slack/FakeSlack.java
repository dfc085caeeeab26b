package dev.switchboard.statuspage.posting.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.switchboard.statuspage.posting.IncidentView;
import dev.switchboard.statuspage.posting.PostResult;
import org.jspecify.annotations.Nullable;

/**
 * Slack as the Slack adapter's ports see it, in memory: the Web API (posts answer with
 * increasing {@code ts} unless an answer is scripted; lookups find what the test put in
 * the channel), the threads table and the workspace budget.
 */
class FakeSlack implements SlackMessages, SlackThreads, SlackBudget {

	/** A call to the Web API. */
	record Call(String method, String channel, @Nullable String threadTs, @Nullable String clientId) {
	}

	final List<Call> calls = new ArrayList<>();

	/** Posts Slack has, by client id (their ts). */
	final Map<String, String> inChannel = new HashMap<>();

	final Deque<PostResult> scripted = new ArrayDeque<>();

	final Map<String, SlackThread> threads = new HashMap<>();

	final Map<String, String> wanted = new HashMap<>();

	int messageSlots;

	boolean editSlot = true;

	@Nullable Duration editsHeldFor;

	private int nextTs = 1;

	@Override
	public PostResult postParent(String channel, IncidentView view, String clientId) {
		this.calls.add(new Call("postParent", channel, null, clientId));
		return answer(clientId);
	}

	@Override
	public PostResult postReply(String channel, String threadTs, IncidentView view, boolean broadcast,
			String clientId) {
		this.calls.add(new Call("postReply", channel, threadTs, clientId));
		return answer(clientId);
	}

	private PostResult answer(String clientId) {
		PostResult result = this.scripted.poll();
		if (result != null) {
			return result;
		}
		String ts = "1700000000.00000" + this.nextTs++;
		this.inChannel.put(clientId, ts);
		return new PostResult.Posted(ts);
	}

	@Override
	public PostResult updateParent(String channel, String ts, IncidentView view, @Nullable String status) {
		this.calls.add(new Call("updateParent", channel, ts, null));
		PostResult result = this.scripted.poll();
		return (result != null) ? result : new PostResult.Posted(ts);
	}

	@Override
	public SlackLookup find(String channel, @Nullable String threadTs, String clientId, Instant since) {
		this.calls.add(new Call("find", channel, threadTs, clientId));
		String ts = this.inChannel.get(clientId);
		return (ts != null) ? new SlackLookup.Found(ts) : new SlackLookup.NotFound();
	}

	List<String> methods() {
		return this.calls.stream().map(Call::method).toList();
	}

	private static String key(UUID subscriptionId, UUID feedId, String incidentCode) {
		return subscriptionId + "/" + feedId + "/" + incidentCode;
	}

	@Override
	public Optional<SlackThread> find(UUID subscriptionId, UUID feedId, String incidentCode) {
		return Optional.ofNullable(this.threads.get(key(subscriptionId, feedId, incidentCode)));
	}

	@Override
	public void started(UUID subscriptionId, IncidentView view, String channel, String ts) {
		this.threads.putIfAbsent(key(subscriptionId, view.feedId(), view.incidentCode()),
				new SlackThread(channel, ts, view.status()));
	}

	@Override
	public void want(UUID subscriptionId, IncidentView view) {
		this.wanted.put(key(subscriptionId, view.feedId(), view.incidentCode()), view.status());
	}

	@Override
	public Optional<DueEdit> claimDueEdit() {
		return Optional.empty();
	}

	@Override
	public void edited(UUID subscriptionId, UUID feedId, String incidentCode, String shownStatus) {
		SlackThread thread = this.threads.get(key(subscriptionId, feedId, incidentCode));
		if (thread == null) {
			// as the table: an edit of a thread that is not there changes nothing
			return;
		}
		this.threads.put(key(subscriptionId, feedId, incidentCode),
				new SlackThread(thread.channel(), thread.ts(), shownStatus));
	}

	@Override
	public void awaitMessage() {
		this.messageSlots--;
	}

	@Override
	public void returnMessage() {
		this.messageSlots++;
	}

	@Override
	public boolean tryEdit() {
		return this.editSlot;
	}

	@Override
	public void holdEdits(Duration wait) {
		this.editsHeldFor = wait;
	}

}
