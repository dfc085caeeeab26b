@NullMarked
package dev.switchboard.issuesync.delivery.messaging;

import org.jspecify.annotations.NullMarked;
