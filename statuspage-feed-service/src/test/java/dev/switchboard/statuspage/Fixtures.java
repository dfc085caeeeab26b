package dev.switchboard.statuspage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Wire-format samples under {@code src/test/resources}. */
public final class Fixtures {

	private Fixtures() {
	}

	public static String text(String path) {
		return new String(bytes(path), StandardCharsets.UTF_8);
	}

	public static byte[] bytes(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("no fixture " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
