package dev.switchboard.crmbridge.call;

import dev.switchboard.contracts.CallEvent;

/** {@code calls.events}. */
public interface CallEvents {

	void publish(CallEvent event);

}
