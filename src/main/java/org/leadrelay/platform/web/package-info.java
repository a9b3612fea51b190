/**
 * What every page of the web UI shares: the language choice and locale-aware formats.
 */
@NullMarked
package org.leadrelay.platform.web;

import org.jspecify.annotations.NullMarked;
