/**
 * The Leads workspace of the web UI: the partner's lists and lead pages with every action
 * of the lifecycle, and the vendor's form for sending qualified leads.
 */
@NullMarked
package org.leadrelay.referral.web;

import org.jspecify.annotations.NullMarked;
