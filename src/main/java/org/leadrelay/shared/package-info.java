/**
 * The shared kernel: identifiers, the caller of a request and the error vocabulary that
 * every module speaks. Kept deliberately small.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
@NullMarked
package org.leadrelay.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
