@NullMarked
package dev.switchboard.crmbridge.call.persistence;

import org.jspecify.annotations.NullMarked;
