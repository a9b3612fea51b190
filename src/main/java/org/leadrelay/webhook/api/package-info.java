@NullMarked
package org.leadrelay.webhook.api;

import org.jspecify.annotations.NullMarked;
