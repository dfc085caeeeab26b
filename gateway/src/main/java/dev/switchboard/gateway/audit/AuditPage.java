package dev.switchboard.gateway.audit;

import java.util.List;

/** A page of audit entries, newest first, and how many match in all. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {

	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

}
