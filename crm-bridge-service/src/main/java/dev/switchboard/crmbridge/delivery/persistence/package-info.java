@NullMarked
package dev.switchboard.crmbridge.delivery.persistence;

import org.jspecify.annotations.NullMarked;
