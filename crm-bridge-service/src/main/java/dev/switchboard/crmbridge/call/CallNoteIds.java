package dev.switchboard.crmbridge.call;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The command ids of the internal notes crm-bridge writes about calls, derived from the
 * call (or the {@code /call} comment), so a repeat is dropped by the command ledger and
 * the notes of a call can be found again from its {@code CallSid} alone.
 */
public final class CallNoteIds {

	/** The note that logs the call when it has ended. */
	public static final String END = "call-end";

	/** A recording that arrived after the end note. */
	public static final String RECORDING = "call-recording";

	/** A voicemail that arrived after the end note. */
	public static final String VOICEMAIL = "call-voicemail";

	/** A voicemail's transcription that arrived after the end note. */
	public static final String TRANSCRIPTION = "call-transcription";

	private CallNoteIds() {
	}

	/** The id of the call's note of that kind. */
	public static UUID of(String kind, String callSid) {
		return UUID.nameUUIDFromBytes((kind + ":" + callSid).getBytes(StandardCharsets.UTF_8));
	}

	/** Every note a call can have, by id: their kinds. */
	public static Map<UUID, String> ofCall(String callSid) {
		return Map.of(of(END, callSid), END, of(RECORDING, callSid), RECORDING, of(VOICEMAIL, callSid), VOICEMAIL,
				of(TRANSCRIPTION, callSid), TRANSCRIPTION);
	}

	/**
	 * The note that tells the agent why the {@code /call} note in a comment was not
	 * dialled.
	 */
	public static UUID notDialled(String commentId) {
		return UUID.nameUUIDFromBytes(("call-refused:" + commentId).getBytes(StandardCharsets.UTF_8));
	}

}
