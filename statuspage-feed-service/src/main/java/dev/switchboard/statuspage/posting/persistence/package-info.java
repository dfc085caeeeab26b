@NullMarked
package dev.switchboard.statuspage.posting.persistence;

import org.jspecify.annotations.NullMarked;
