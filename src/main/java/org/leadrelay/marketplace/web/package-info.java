/**
 * The marketplace's public pages: the search, a partner location's page with its contact
 * form, and the private status page of an inquiry. No sign-in; every form carries a CSRF
 * token.
 */
@NullMarked
package org.leadrelay.marketplace.web;

import org.jspecify.annotations.NullMarked;
