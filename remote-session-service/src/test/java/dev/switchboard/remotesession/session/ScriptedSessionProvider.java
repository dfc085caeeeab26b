package dev.switchboard.remotesession.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A vendor whose answers the test scripts, one per {@code create}: a created session, or
 * a failure. Without a script it creates a session named after the ticket.
 */
final class ScriptedSessionProvider implements SessionProvider {

	private final ProviderName name;

	private final Deque<Function<NewSession, CreatedSession>> answers = new ArrayDeque<>();

	final List<NewSession> created = new ArrayList<>();

	final List<Session> closed = new ArrayList<>();

	boolean configured = true;

	ScriptedSessionProvider(ProviderName name) {
		this.name = name;
	}

	/** The next create fails this way. */
	ScriptedSessionProvider failsWith(VendorFailure failure) {
		this.answers.add((session) -> {
			throw new VendorException(failure);
		});
		return this;
	}

	/** The next create does this first (e.g. something else happens meanwhile). */
	ScriptedSessionProvider meanwhile(Runnable action) {
		this.answers.add((session) -> {
			action.run();
			return created(session);
		});
		return this;
	}

	@Override
	public ProviderName name() {
		return this.name;
	}

	@Override
	public boolean configured() {
		return this.configured;
	}

	@Override
	public CreatedSession create(NewSession session) {
		this.created.add(session);
		Function<NewSession, CreatedSession> answer = this.answers.poll();
		return (answer != null) ? answer.apply(session) : created(session);
	}

	@Override
	public List<SessionActivity> observe(Session session) {
		return List.of();
	}

	@Override
	public void close(Session session) {
		this.closed.add(session);
	}

	private static CreatedSession created(NewSession session) {
		return new CreatedSession("s" + session.ticketId(), "https://vendor.example/agent/" + session.ticketId(),
				"https://vendor.example/join/" + session.ticketId());
	}

}
