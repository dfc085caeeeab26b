@NullMarked
package dev.switchboard.crmbridge.call.metrics;

import org.jspecify.annotations.NullMarked;
