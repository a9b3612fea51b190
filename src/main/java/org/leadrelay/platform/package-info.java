/**
 * Runtime plumbing every module relies on: the database (embedded PostgreSQL by default),
 * the clock and scheduling. It holds no business rules.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = { "shared" })
@NullMarked
package org.leadrelay.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
