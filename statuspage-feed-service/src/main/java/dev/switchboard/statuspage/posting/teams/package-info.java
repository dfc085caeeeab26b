@NullMarked
package dev.switchboard.statuspage.posting.teams;

import org.jspecify.annotations.NullMarked;
