/**
 * The business profile pages of the web UI: a partner's profiles per region, with their
 * details, logo and locations.
 */
@NullMarked
package org.leadrelay.partner.web;

import org.jspecify.annotations.NullMarked;
