/**
 * The helpdesk's event webhooks turned into {@code tickets.events}: notes (with their
 * author looked up), status changes and ticket content (created, subject, description),
 * ordered per ticket, echo-marked when Switchboard caused them.
 */
@NullMarked
package dev.switchboard.crmbridge.helpdeskevent;

import org.jspecify.annotations.NullMarked;
