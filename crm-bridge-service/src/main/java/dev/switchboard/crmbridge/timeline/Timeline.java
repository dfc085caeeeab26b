package dev.switchboard.crmbridge.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.switchboard.contracts.TimelineEntry;
import dev.switchboard.crmbridge.call.CallLog;
import dev.switchboard.crmbridge.call.CallLogs;
import dev.switchboard.crmbridge.call.CallNoteIds;
import dev.switchboard.crmbridge.call.CallRequest;
import dev.switchboard.crmbridge.call.PhoneNumbers;
import dev.switchboard.crmbridge.ticket.CommandLedger;
import dev.switchboard.crmbridge.ticket.FollowUp;
import dev.switchboard.crmbridge.ticket.HelpdeskIds;
import dev.switchboard.crmbridge.ticket.RecordedCommand;
import dev.switchboard.crmbridge.ticket.TicketHistory;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What crm-bridge did about a ticket or a call, oldest first, at most
 * {@link TimelineEntry#MAX_PER_SERVICE} entries (the oldest). A ticket: every command for
 * it or applied to it (received, failed attempts, applied or found applied, dropped,
 * dead-lettered, waiting), the calls logged on it, its {@code /call} notes and its
 * follow-ups. A call: its log (started, ringing, answered, ended, the ticket created for
 * it) and the notes about it. Anything else, or an id crm-bridge never saw: nothing.
 */
@Service
public class Timeline {

	private static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");

	private static final int MAX = TimelineEntry.MAX_PER_SERVICE;

	private final CommandLedger ledger;

	private final TicketHistory history;

	private final CallLogs calls;

	private final CallEntries callEntries;

	public Timeline(CommandLedger ledger, TicketHistory history, CallLogs calls, PhoneNumbers numbers) {
		this.ledger = ledger;
		this.history = history;
		this.calls = calls;
		this.callEntries = new CallEntries(numbers);
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> ofTicket(String ticketId) {
		if (!HelpdeskIds.valid(ticketId)) {
			// not the canonical spelling of a helpdesk id: no row can have it
			return List.of();
		}
		List<CallLog> logs = this.calls.byTicket(ticketId).stream().limit(MAX).toList();
		List<CallRequest> requests = this.calls.callRequests(ticketId, MAX);
		OwnNotes own = OwnNotes.of(logs, requests);
		// looked up by id: whether a call's end note or a /call refusal was queued
		Map<UUID, RecordedCommand> written = byId(this.ledger.withIds(own.ids()));
		List<TimelineEntry> entries = new ArrayList<>();
		for (RecordedCommand command : this.ledger.forTicket(ticketId, MAX)) {
			entries.addAll(CommandEntries.of(command, ticketId, own.origin(command)));
		}
		for (CallLog log : logs) {
			entries
				.addAll(this.callEntries.of(log, written.containsKey(CallNoteIds.of(CallNoteIds.END, log.callSid()))));
		}
		for (CallRequest request : requests) {
			entries.add(TicketEntries.callRequest(request, written.get(CallNoteIds.notDialled(request.commentId()))));
		}
		for (FollowUp followUp : this.history.followUpsOf(ticketId)) {
			entries.addAll(TicketEntries.followUp(followUp, ticketId));
		}
		return oldestFirst(entries);
	}

	@Transactional(readOnly = true)
	public List<TimelineEntry> ofCall(String callSid) {
		if (!CALL_SID.matcher(callSid).matches()) {
			return List.of();
		}
		Optional<CallLog> log = this.calls.find(callSid);
		Map<UUID, String> kinds = CallNoteIds.ofCall(callSid);
		List<RecordedCommand> notes = this.ledger.withIds(kinds.keySet());
		List<TimelineEntry> entries = new ArrayList<>();
		log.ifPresent((found) -> entries.addAll(this.callEntries.of(found,
				notes.stream().anyMatch((note) -> CallNoteIds.END.equals(kinds.get(note.command().commandId()))))));
		for (RecordedCommand note : notes) {
			CallNote callNote = new CallNote(kinds.getOrDefault(note.command().commandId(), CallNoteIds.END), callSid,
					log.orElse(null));
			entries.addAll(CommandEntries.of(note, null, callNote.origin(note)));
		}
		return oldestFirst(entries);
	}

	/** In time order, the order they were added for equal times (a stable sort), cut. */
	private static List<TimelineEntry> oldestFirst(List<TimelineEntry> entries) {
		return entries.stream().sorted(Comparator.comparing(TimelineEntry::at)).limit(MAX).toList();
	}

	private static Map<UUID, RecordedCommand> byId(List<RecordedCommand> commands) {
		return commands.stream()
			.collect(Collectors.toMap((command) -> command.command().commandId(), Function.identity()));
	}

	/**
	 * The notes crm-bridge may have queued on a ticket, by command id: about its calls,
	 * and why a {@code /call} note was not dialled (by the comment).
	 */
	private record OwnNotes(Map<UUID, CallNote> calls, Map<UUID, String> notDialled) {

		static OwnNotes of(List<CallLog> logs, List<CallRequest> requests) {
			Map<UUID, CallNote> calls = new HashMap<>();
			logs.forEach((log) -> CallNoteIds.ofCall(log.callSid())
				.forEach((id, kind) -> calls.put(id, new CallNote(kind, log.callSid(), log))));
			Map<UUID, String> notDialled = new HashMap<>();
			requests
				.forEach((request) -> notDialled.put(CallNoteIds.notDialled(request.commentId()), request.commentId()));
			return new OwnNotes(calls, notDialled);
		}

		List<UUID> ids() {
			List<UUID> ids = new ArrayList<>(this.calls.keySet());
			ids.addAll(this.notDialled.keySet());
			return ids;
		}

		CommandEntries.@Nullable Origin origin(RecordedCommand command) {
			CallNote call = this.calls.get(command.command().commandId());
			String comment = this.notDialled.get(command.command().commandId());
			if (call != null) {
				return call.origin(command);
			}
			return (comment != null) ? TicketEntries.notDialledNote(comment) : null;
		}

	}

	/** A note crm-bridge writes about a call: its kind ({@link CallNoteIds}) and call. */
	private record CallNote(String kind, String callSid, @Nullable CallLog log) {

		CommandEntries.Origin origin(RecordedCommand command) {
			return CallEntries.note(this.kind, this.callSid, command.command().ticketId(), this.log);
		}

	}

}
