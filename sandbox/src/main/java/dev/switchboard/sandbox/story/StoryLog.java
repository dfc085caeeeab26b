package dev.switchboard.sandbox.story;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The narration of the stories and steps played, newest last: the page shows it, however
 * a story was started (the launcher, a button).
 */
@Component
public class StoryLog {

	static final int KEPT = 200;

	private final Deque<String> lines = new ArrayDeque<>();

	public synchronized void add(String line) {
		this.lines.addLast(line);
		while (this.lines.size() > KEPT) {
			this.lines.removeFirst();
		}
	}

	public synchronized List<String> lines() {
		return List.copyOf(this.lines);
	}

}
