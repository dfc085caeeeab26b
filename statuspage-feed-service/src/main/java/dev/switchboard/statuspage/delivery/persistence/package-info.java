@NullMarked
package dev.switchboard.statuspage.delivery.persistence;

import org.jspecify.annotations.NullMarked;
