package dev.switchboard.gateway.audit;

/** Where audit entries are kept, shared by every gateway instance. */
public interface AuditLog {

	void append(AuditEntry entry);

	AuditPage find(AuditQuery query);

	/** Removes the entries older than the instant; how many. */
	int purgeOccurredBefore(java.time.Instant instant);

}
