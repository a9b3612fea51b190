/**
 * The routing parts of the web UI: the recommendations the vendor's new lead form loads
 * as the lead is described.
 */
@NullMarked
package org.leadrelay.routing.web;

import org.jspecify.annotations.NullMarked;
