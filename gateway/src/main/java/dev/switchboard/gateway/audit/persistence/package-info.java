/** Audit entries in the gateway's database ({@code audit_entry}). */
@NullMarked
package dev.switchboard.gateway.audit.persistence;

import org.jspecify.annotations.NullMarked;
