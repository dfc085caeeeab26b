package dev.switchboard.sandbox.story;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Plays a story ({@code POST /sandbox/stories/<name>}) or a single step
 * ({@code POST /sandbox/steps/<name>}) and streams its narration as plain text, a line
 * per step, so that {@code ./switchboard demo} prints each step as it happens; the page
 * shows the same lines from the {@link StoryLog}. One at a time: while one plays, another
 * is answered 409.
 */
@RestController
class StoryController {

	private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final List<Story> stories;

	private final StoryLog log;

	private final Semaphore playing = new Semaphore(1);

	StoryController(List<Story> stories, StoryLog log) {
		this.stories = stories;
		this.log = log;
	}

	@PostMapping("/sandbox/stories/{name}")
	ResponseEntity<StreamingResponseBody> story(@PathVariable String name) {
		return this.stories.stream()
			.filter((story) -> story.name().equals(name))
			.findFirst()
			.map((story) -> play(story::play))
			.orElseGet(() -> missing("story " + name));
	}

	@PostMapping("/sandbox/steps/{name}")
	ResponseEntity<StreamingResponseBody> step(@PathVariable String name) {
		Optional<Story.Step> step = this.stories.stream()
			.flatMap((story) -> story.steps().stream())
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst();
		return step.map((found) -> play((tell) -> {
			found.action().accept(tell);
			return true;
		})).orElseGet(() -> missing("step " + name));
	}

	private ResponseEntity<StreamingResponseBody> play(Play play) {
		if (!this.playing.tryAcquire()) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(TEXT)
				.body((out) -> out
					.write("A story is playing: try again when it is over.\n".getBytes(StandardCharsets.UTF_8)));
		}
		StreamingResponseBody narration = (out) -> {
			try {
				PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
				play.play((line) -> {
					this.log.add(line);
					writer.println(line);
					writer.flush();
				});
			}
			catch (RuntimeException ex) {
				this.log.add("Stopped: " + ex);
				throw ex;
			}
			finally {
				this.playing.release();
			}
		};
		return ResponseEntity.ok().contentType(TEXT).body(narration);
	}

	private static ResponseEntity<StreamingResponseBody> missing(String what) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(TEXT)
			.body((out) -> out.write(("No " + what + ".\n").getBytes(StandardCharsets.UTF_8)));
	}

	/** A story or a step, telling each line. */
	@FunctionalInterface
	private interface Play {

		boolean play(Consumer<String> tell);

	}

}
