/**
 * Publishing with confirms through Spring Cloud Stream bindings
 * ({@code use-confirm-header}, so mandatory).
 */
@NullMarked
package dev.switchboard.statuspage.outbox.messaging;

import org.jspecify.annotations.NullMarked;
