// Tells sign-in the browser's time zone, the default of a user's first sign-in; without
// script the field stays empty and the configured zone applies.
document.querySelectorAll('input[data-time-zone]').forEach(function (field) {
	try {
		field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
	}
	catch (ignored) {
		// an old browser: the default zone applies
	}
});
