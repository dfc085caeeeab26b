package dev.switchboard.crmbridge.ticket.messaging;

import dev.switchboard.crmbridge.ticket.HelpdeskAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stops consuming {@code tickets.commands} while the helpdesk refuses our credentials
 * (the commands stay on the queue, visible to operators, instead of piling up as pending
 * rows), and starts again once a write succeeds. Per instance, so no ShedLock.
 */
@Component
class CommandConsumptionSwitch {

	static final String BINDING = "ticketCommands-in-0";

	private static final Logger log = LoggerFactory.getLogger(CommandConsumptionSwitch.class);

	private final BindingsLifecycleController bindings;

	private final HelpdeskAccess access;

	private volatile boolean stopped;

	CommandConsumptionSwitch(BindingsLifecycleController bindings, HelpdeskAccess access) {
		this.bindings = bindings;
		this.access = access;
	}

	@Scheduled(fixedDelayString = "${crm-bridge.commands.drain-interval:1s}")
	void follow() {
		boolean refused = this.access.refusal() != null;
		if (refused && !this.stopped) {
			this.bindings.stop(BINDING);
			this.stopped = true;
			log.warn("The helpdesk refuses our credentials: consumption of tickets.commands paused");
		}
		else if (!refused && this.stopped) {
			this.bindings.start(BINDING);
			this.stopped = false;
			log.info("The helpdesk accepts our credentials again: consumption of tickets.commands resumed");
		}
	}

}
