package dev.switchboard.sandbox.story;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Plays a story and streams its narration as plain text, a line per step, so that
 * {@code ./switchboard demo} prints each step as it happens. The last line says whether
 * the story completed ({@code ... complete ...}) or failed ({@code ... FAILED ...}).
 */
@RestController
class StoryController {

	private final IssueClosedStory issueClosed;

	StoryController(IssueClosedStory issueClosed) {
		this.issueClosed = issueClosed;
	}

	@PostMapping("/sandbox/stories/issue-closed")
	ResponseEntity<StreamingResponseBody> issueClosed() {
		StreamingResponseBody narration = (out) -> {
			PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
			this.issueClosed.play((line) -> {
				writer.println(line);
				writer.flush();
			});
		};
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8)).body(narration);
	}

}
