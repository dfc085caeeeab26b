@NullMarked
package dev.switchboard.crmbridge.call.web;

import org.jspecify.annotations.NullMarked;
