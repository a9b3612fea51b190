package org.leadrelay.identity.web;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The user's own settings, as their settings form posts them. */
record SettingsForm(@NotBlank @Nullable String language, @NotBlank @Nullable String timeZone) {

}
