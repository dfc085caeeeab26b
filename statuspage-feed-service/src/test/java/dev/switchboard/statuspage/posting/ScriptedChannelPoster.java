package dev.switchboard.statuspage.posting;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import dev.switchboard.statuspage.subscription.Subscription;

/** A channel that answers what the test scripted, and remembers what it was asked. */
public class ScriptedChannelPoster implements ChannelPoster {

	public final List<PendingPost> posted = new ArrayList<>();

	private final String kind;

	private final Duration interval;

	private final boolean repeatsSafely;

	private final Deque<PostResult> answers = new ArrayDeque<>();

	public ScriptedChannelPoster(String kind, Duration interval, boolean repeatsSafely) {
		this.kind = kind;
		this.interval = interval;
		this.repeatsSafely = repeatsSafely;
	}

	public ScriptedChannelPoster answers(PostResult... results) {
		this.answers.addAll(List.of(results));
		return this;
	}

	@Override
	public String kind() {
		return this.kind;
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public boolean repeatsSafely() {
		return this.repeatsSafely;
	}

	@Override
	public PostResult post(Subscription subscription, PendingPost post) {
		this.posted.add(post);
		PostResult answer = this.answers.poll();
		if (answer == null) {
			throw new IllegalStateException("no answer scripted for post " + post.seq());
		}
		return answer;
	}

}
