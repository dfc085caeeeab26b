@NullMarked
package dev.switchboard.issuesync.delivery.persistence;

import org.jspecify.annotations.NullMarked;
