package org.leadrelay.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.leadrelay.shared.Caller;
import org.leadrelay.shared.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a user wants each kind of notification by email too (in-app they always get
 * it), and new leads each at once or in a daily digest. Email is on until the user turns
 * it off.
 */
@Service
public class NotificationPreferences {

	/**
	 * More new-lead notices than this in 24 hours put a user who never chose on the
	 * digest.
	 */
	public static final int DIGEST_ABOVE = 10;

	private final NotificationPreferenceRepository preferences;

	private final NotificationRepository notifications;

	private final Clock clock;

	NotificationPreferences(NotificationPreferenceRepository preferences, NotificationRepository notifications,
			Clock clock) {
		this.preferences = preferences;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** How the caller chose to get new-lead mails; empty if they never chose. */
	public Optional<NewLeadMails> newLeadMails(Caller caller) {
		return this.preferences.findNewLeadMails(requireUser(caller));
	}

	/** Saves the caller's choice; null goes back to the default. */
	@Transactional
	public void chooseNewLeadMails(Caller caller, @Nullable NewLeadMails choice) {
		this.preferences.saveNewLeadMails(requireUser(caller), choice);
	}

	/**
	 * Whether the user's new-lead mails wait for the daily digest: their choice, else
	 * whether more than {@link #DIGEST_ABOVE} new-lead notices (this one included)
	 * reached them in the last 24 hours.
	 */
	boolean digestsNewLeads(UUID userId) {
		return this.preferences.findNewLeadMails(userId)
			.map(choice -> choice == NewLeadMails.DIGEST)
			.orElseGet(() -> this.notifications.countSince(userId, NotificationKind.NEW_REFERRAL,
					this.clock.instant().minus(Duration.ofHours(24))) > DIGEST_ABOVE);
	}

	/**
	 * Whether the notice waits for the recipient's daily digest: only new leads do; a
	 * waiting customer or an expiry is urgent.
	 */
	boolean holdsForDigest(Notice notice, Recipient recipient) {
		return notice.kind() == NotificationKind.NEW_REFERRAL && recipient.userId() != null
				&& digestsNewLeads(recipient.userId());
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
