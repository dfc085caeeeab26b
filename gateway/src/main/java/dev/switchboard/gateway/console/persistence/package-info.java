/** Console sessions in the gateway's database, shared by every gateway instance. */
@NullMarked
package dev.switchboard.gateway.console.persistence;

import org.jspecify.annotations.NullMarked;
