package org.leadrelay.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new API client, as the form posts it: a name that says what uses it. */
record ApiClientForm(@NotBlank @Size(max = 200) @Nullable String name) {

}
