@NullMarked
package dev.switchboard.crmbridge.call.phone;

import org.jspecify.annotations.NullMarked;
