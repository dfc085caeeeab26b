@NullMarked
package dev.switchboard.statuspage.subscription.persistence;

import org.jspecify.annotations.NullMarked;
