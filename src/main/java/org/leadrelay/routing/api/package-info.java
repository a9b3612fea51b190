/**
 * The routing REST resource: {@code /v1.0/routing/recommendations}.
 */
@NullMarked
package org.leadrelay.routing.api;

import org.jspecify.annotations.NullMarked;
