@NullMarked
package org.leadrelay.referral.api;

import org.jspecify.annotations.NullMarked;
