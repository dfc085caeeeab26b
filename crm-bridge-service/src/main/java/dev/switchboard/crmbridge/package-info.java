@NullMarked
package dev.switchboard.crmbridge;

import org.jspecify.annotations.NullMarked;
