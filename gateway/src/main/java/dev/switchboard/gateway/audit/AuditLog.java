package dev.switchboard.gateway.audit;

/** Where audit entries are kept, shared by every gateway instance. */
public interface AuditLog {

	void append(AuditEntry entry);

	AuditPage find(AuditQuery query);

}
