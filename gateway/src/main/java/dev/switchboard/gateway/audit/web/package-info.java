/** {@code GET /api/audit}: the audit in the admin API. */
@NullMarked
package dev.switchboard.gateway.audit.web;

import org.jspecify.annotations.NullMarked;
