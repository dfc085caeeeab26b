package dev.switchboard.issuesync;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The set-up the integration tests share: fresh issue numbers and ticket ids per test
 * (the tests share one database and broker), GitHub's issue paths.
 */
public final class IssueSyncHarness {

	private IssueSyncHarness() {
	}

	/** {@code GET} path of an issue in {@code Codertocat/Hello-World}. */
	public static String issuePath(int number) {
		return "/repos/Codertocat/Hello-World/issues/" + number;
	}

	/** An issue number no other test uses. */
	public static int number() {
		return ThreadLocalRandom.current().nextInt(1_000, 90_000_000);
	}

	/** A Zendesk ticket id no other test uses. */
	public static String ticket() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L));
	}

}
