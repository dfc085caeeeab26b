package dev.switchboard.sandbox.github;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitHub's REST API under {@code /github} as issue-sync calls it: an issue read with its
 * ETag (a matching {@code If-None-Match} gets 304, as a conditional request that costs no
 * rate limit), comments written and edited, labels added and removed; a transferred
 * issue's old address answers 301 with where it is now.
 */
@RestController
@RequestMapping("/github/repos/{owner}/{repo}/issues")
class GithubApi {

	private static final ResponseEntity<Object> NOT_FOUND = ResponseEntity.status(HttpStatus.NOT_FOUND)
		.body(Map.of("message", "Not Found", "documentation_url", "https://docs.github.com/rest"));

	private final IssueTracker tracker;

	GithubApi(IssueTracker tracker) {
		this.tracker = tracker;
	}

	@GetMapping("/{number}")
	ResponseEntity<Object> issue(@PathVariable String owner, @PathVariable String repo, @PathVariable int number,
			@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		Optional<Issue> moved = this.tracker.movedTo(owner + "/" + repo, number);
		if (moved.isPresent()) {
			// GitHub answers a transferred issue's old address with 301 to where it is
			// now
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create("/github/repos/" + moved.get().repository() + "/issues/" + moved.get().number()))
				.body(Map.of("message", "Moved Permanently", "url",
						"/github/repos/" + moved.get().repository() + "/issues/" + moved.get().number()));
		}
		return this.tracker.issue(owner + "/" + repo, number).map((issue) -> {
			if (issue.etag().equals(ifNoneMatch)) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(issue.etag()).build();
			}
			return ResponseEntity.ok().eTag(issue.etag()).body((Object) IssueJson.issue(issue));
		}).orElse(NOT_FOUND);
	}

	@GetMapping("/{number}/comments")
	ResponseEntity<Object> comments(@PathVariable String owner, @PathVariable String repo, @PathVariable int number) {
		return this.tracker.issue(owner + "/" + repo, number)
			.map((issue) -> ResponseEntity.ok((Object) IssueJson.comments(issue)))
			.orElse(NOT_FOUND);
	}

	@PostMapping("/{number}/comments")
	ResponseEntity<Object> comment(@PathVariable String owner, @PathVariable String repo, @PathVariable int number,
			@RequestBody JsonNode body) {
		return this.tracker.comment(owner + "/" + repo, number, body.path("body").asString(""))
			.map((comment) -> ResponseEntity.status(HttpStatus.CREATED).body((Object) IssueJson.comment(comment)))
			.orElse(NOT_FOUND);
	}

	@PatchMapping("/comments/{commentId}")
	ResponseEntity<Object> editComment(@PathVariable String owner, @PathVariable String repo,
			@PathVariable long commentId, @RequestBody JsonNode body) {
		return this.tracker.editComment(owner + "/" + repo, commentId, body.path("body").asString(""))
			.map((comment) -> ResponseEntity.ok((Object) IssueJson.comment(comment)))
			.orElse(NOT_FOUND);
	}

	@PostMapping("/{number}/labels")
	ResponseEntity<Object> labels(@PathVariable String owner, @PathVariable String repo, @PathVariable int number,
			@RequestBody JsonNode body) {
		JsonNode names = body.has("labels") ? body.path("labels") : body;
		List<String> labels = names.valueStream().map((name) -> name.asString()).toList();
		return this.tracker.addLabels(owner + "/" + repo, number, labels)
			.map((all) -> ResponseEntity.ok((Object) all.stream().map((name) -> Map.of("name", name)).toList()))
			.orElse(NOT_FOUND);
	}

	@DeleteMapping("/{number}/labels/{label}")
	ResponseEntity<Object> removeLabel(@PathVariable String owner, @PathVariable String repo, @PathVariable int number,
			@PathVariable String label) {
		return this.tracker.removeLabel(owner + "/" + repo, number, label) ? ResponseEntity.ok((Object) List.of())
				: NOT_FOUND;
	}

}
