package dev.switchboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, seen from this module's working directory. */
final class Repository {

	private Repository() {
	}

	static Path root() {
		Path here = Path.of("").toAbsolutePath();
		for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
			if (Files.isExecutable(candidate.resolve("switchboard")) && Files.exists(candidate.resolve("mvnw"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("no repository root above " + here);
	}

	static String read(String relative) {
		try {
			return Files.readString(root().resolve(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
