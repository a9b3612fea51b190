/**
 * Runtime plumbing every module relies on: the database (embedded PostgreSQL by default),
 * the clock and scheduling. It holds no business rules.
 * <p>
 * It owns the outbox table {@code event_publication} (V3, Spring Modulith's JDBC event
 * publication registry): Modulith writes it, and
 * {@link org.leadrelay.platform.OutboxRetries} is the one other writer, marking stale
 * publications failed, because Modulith 2.0.5 judges staleness from the first publication
 * rather than the latest resubmission.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = { "shared" })
@NullMarked
package org.leadrelay.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
