package dev.switchboard.gateway.webhook.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.switchboard.gateway.webhook.BodyBudget;

/**
 * Reads a request body in bounded chunks, taking every byte it keeps from the
 * {@link BodyBudget} before reading it: with a declared length, that length up front (one
 * array of exactly that size); without one (chunked), chunk by chunk, and once more for
 * the final copy. Never reads past the limit.
 */
final class BodyReader {

	private static final int CHUNK = 64 * 1024;

	private BodyReader() {
	}

	/** What reading gave: the body, or why it was not read whole. */
	sealed interface Read {

		record Body(byte[] bytes) implements Read {
		}

		record TooLarge() implements Read {
		}

		record OverBudget() implements Read {
		}

	}

	static Read read(InputStream in, long declaredLength, long limit, BodyBudget.Lease lease) throws IOException {
		if (declaredLength > limit) {
			return new Read.TooLarge();
		}
		if (declaredLength >= 0) {
			if (!lease.grow(declaredLength)) {
				return new Read.OverBudget();
			}
			byte[] body = new byte[(int) declaredLength];
			int read = in.readNBytes(body, 0, body.length);
			return new Read.Body((read == body.length) ? body : Arrays.copyOf(body, read));
		}
		return readChunked(in, limit, lease);
	}

	private static Read readChunked(InputStream in, long limit, BodyBudget.Lease lease) throws IOException {
		List<byte[]> chunks = new ArrayList<>();
		long total = 0;
		while (true) {
			if (!lease.grow(CHUNK)) {
				return new Read.OverBudget();
			}
			byte[] chunk = in.readNBytes(CHUNK);
			if (chunk.length == 0) {
				break;
			}
			total += chunk.length;
			if (total > limit) {
				return new Read.TooLarge();
			}
			chunks.add(chunk);
			if (chunk.length < CHUNK) {
				break;
			}
		}
		if (!lease.grow(total)) {
			return new Read.OverBudget();
		}
		byte[] body = new byte[(int) total];
		int at = 0;
		for (byte[] chunk : chunks) {
			System.arraycopy(chunk, 0, body, at, chunk.length);
			at += chunk.length;
		}
		return new Read.Body(body);
	}

}
