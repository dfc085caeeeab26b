package dev.switchboard.sandbox.twilio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Silence as a WAV file: 8 kHz, 8-bit mono, as a phone recording sounds. */
final class Silence {

	private static final int RATE = 8000;

	private Silence() {
	}

	static byte[] wav(int seconds) {
		int samples = RATE * seconds;
		ByteBuffer wav = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + samples);
		wav.put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
		wav.putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE).putShort((short) 1).putShort((short) 8);
		wav.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(samples);
		while (wav.hasRemaining()) {
			// unsigned 8-bit PCM: 128 is silence
			wav.put((byte) 128);
		}
		return wav.array();
	}

}
