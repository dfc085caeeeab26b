@NullMarked
package dev.switchboard.statuspage.subscription.metrics;

import org.jspecify.annotations.NullMarked;
