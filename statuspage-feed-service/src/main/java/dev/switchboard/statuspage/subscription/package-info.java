@NullMarked
package dev.switchboard.statuspage.subscription;

import org.jspecify.annotations.NullMarked;
