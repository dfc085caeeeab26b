package dev.switchboard.sandbox.github;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A simulated GitHub issue at one moment: {@code id} never changes while the issue stays
 * in its repository; comments and labels as Switchboard wrote them.
 */
public record Issue(long id, String repository, int number, String title, String state, @Nullable String stateReason,
		Instant updatedAt, List<Comment> comments, List<String> labels) {

	public Issue {
		comments = List.copyOf(comments);
		labels = List.copyOf(labels);
	}

	public String htmlUrl() {
		return "https://github.com/" + this.repository + "/issues/" + this.number;
	}

	/** The ETag GitHub would give this representation: it changes with every change. */
	public String etag() {
		return "\"" + Long.toHexString(this.id) + "-" + this.updatedAt.toEpochMilli() + "-" + this.comments.size() + "-"
				+ this.labels.hashCode() + "\"";
	}

	/** A comment; edits keep its id. */
	public record Comment(long id, String body, Instant updatedAt) {
	}

}
