package org.leadrelay.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a user wants each kind of notification by email too (in-app they always get
 * it). Email is on until the user turns it off.
 */
@Service
public class NotificationPreferences {

	private final NotificationPreferenceRepository preferences;

	NotificationPreferences(NotificationPreferenceRepository preferences) {
		this.preferences = preferences;
	}

	/** The caller's email setting for every kind people of their organization receive. */
	public Map<NotificationKind, Boolean> emailSettings(Caller caller) {
		UUID user = requireUser(caller);
		Map<NotificationKind, Boolean> settings = new EnumMap<>(NotificationKind.class);
		NotificationKind.receivedBy(caller.organizationKind()).forEach(kind -> settings.put(kind, true));
		this.preferences.findEmailSettings(user).forEach((kind, email) -> settings.replace(kind, email));
		return settings;
	}

	@Transactional
	public void setEmail(Caller caller, NotificationKind kind, boolean email) {
		this.preferences.saveEmail(requireUser(caller), kind, email);
	}

	/**
	 * Saves the caller's whole email setting at once: mail for the kinds in
	 * {@code emailed}, none for the other kinds people of their organization receive.
	 */
	@Transactional
	public void saveEmailSettings(Caller caller, Set<NotificationKind> emailed) {
		for (NotificationKind kind : NotificationKind.receivedBy(caller.organizationKind())) {
			setEmail(caller, kind, emailed.contains(kind));
		}
	}

	boolean emailEnabled(UUID userId, NotificationKind kind) {
		return this.preferences.findEmail(userId, kind).orElse(true);
	}

	private static UUID requireUser(Caller caller) {
		return caller.userId()
			.orElseThrow(() -> DomainException.accessDenied("Only users have notification preferences"));
	}

}
