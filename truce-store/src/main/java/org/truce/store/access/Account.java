package org.truce.store.access;

import java.time.Instant;
import org.truce.access.Role;

/**
 * A person or machine that may sign in: its name (also written as the {@code by} of what it does),
 * its one role, and whether it was made by {@code truce demo}.
 */
public record Account(long id, String name, Role role, boolean demo, boolean disabled, Instant createdAt) {
}
