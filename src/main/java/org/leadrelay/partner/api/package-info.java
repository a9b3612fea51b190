@NullMarked
package org.leadrelay.partner.api;

import org.jspecify.annotations.NullMarked;
