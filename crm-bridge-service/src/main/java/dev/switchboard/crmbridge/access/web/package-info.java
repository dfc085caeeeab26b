@NullMarked
package dev.switchboard.crmbridge.access.web;

import org.jspecify.annotations.NullMarked;
