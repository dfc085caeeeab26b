package dev.switchboard.contracts;

/**
 * One name everywhere: module, {@code spring.application.name}, compose service and
 * consumer group.
 */
public final class ServiceNames {

	public static final String GATEWAY = "gateway";

	public static final String ISSUE_SYNC = "issue-sync-service";

	public static final String STATUSPAGE_FEED = "statuspage-feed-service";

	public static final String CRM_BRIDGE = "crm-bridge-service";

	public static final String REMOTE_SESSION = "remote-session-service";

	private ServiceNames() {
	}

}
