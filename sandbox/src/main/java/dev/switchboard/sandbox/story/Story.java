package dev.switchboard.sandbox.story;

import java.util.List;
import java.util.function.Consumer;

/**
 * One of the demo's stories: played whole, it tells each step and what the simulated
 * systems saw, and says at the end whether it completed; its single steps act without
 * waiting for Switchboard, whose reaction shows on the page.
 */
public interface Story {

	/** The story's path segment: {@code POST /sandbox/stories/<name>}. */
	String name();

	/** What the page's button says. */
	String title();

	/**
	 * Plays the story, telling each step; the last line says {@code Story N complete} or
	 * {@code Story N FAILED}.
	 * @return whether it completed
	 */
	boolean play(Consumer<String> tell);

	List<Step> steps();

	/**
	 * A single step: {@code POST /sandbox/steps/<name>}.
	 *
	 * @param label what the page's button says
	 */
	record Step(String name, String label, Consumer<Consumer<String>> action) {
	}

}
