package org.leadrelay.notification;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.leadrelay.identity.UserContact;
import org.leadrelay.identity.UserDirectory;
import org.leadrelay.marketplace.Inquiries;
import org.leadrelay.partner.Location;
import org.leadrelay.referral.Referral;
import org.leadrelay.referral.ReferralId;
import org.leadrelay.referral.TeamMember;
import org.leadrelay.shared.OrganizationId;
import org.leadrelay.shared.Role;

import org.springframework.stereotype.Component;

/**
 * Decides who hears about a referral, in which language and time zone: its partner's
 * people (users in theirs, alert addresses in their location country's), its sender, or
 * its customer (in the language of their inquiry).
 */
@Component
class Recipients {

	static final Locale HUNGARIAN = Locale.forLanguageTag("hu");

	private static final Set<Role> REFERRAL_USERS = Set.of(Role.REFERRALS_ADMIN, Role.REFERRALS_USER);

	/** The vendor staff who answer co-sell invitations. */
	private static final Set<Role> VENDOR_SELLERS = Set.of(Role.VENDOR_ADMIN, Role.VENDOR_SELLER);

	private final UserDirectory users;

	private final Inquiries inquiries;

	Recipients(UserDirectory users, Inquiries inquiries) {
		this.users = users;
		this.inquiries = inquiries;
	}

	/**
	 * The partner organization's referral users and the location's alert addresses, each
	 * address once (a user whose address is also an alert address is reached as the user,
	 * with their language and email preference).
	 */
	List<Recipient> partnerTeam(Referral referral, @Nullable Location location) {
		List<Recipient> recipients = new ArrayList<>();
		Set<String> addresses = new HashSet<>();
		for (UserContact user : this.users.withAnyRole(referral.organizationId(), REFERRAL_USERS)) {
			if (addresses.add(normalized(user.email()))) {
				recipients.add(of(user));
			}
		}
		if (location != null) {
			for (String alert : location.alertEmails()) {
				if (addresses.add(normalized(alert))) {
					recipients.add(Recipient.address(alert, localeOf(location.country())));
				}
			}
		}
		return recipients;
	}

	/**
	 * Who answers an invitation to a deal: the invited partner's people as for a new
	 * lead, or the vendor's admins and sellers for a co-sell deal (whose record sits on
	 * the inviting partner's location, so not that location's alert addresses).
	 */
	List<Recipient> invited(Referral invitation, @Nullable Location location) {
		if (invitation.organizationId().equals(invitation.vendorOrganizationId())) {
			return users(invitation.organizationId(), VENDOR_SELLERS);
		}
		return partnerTeam(invitation, location);
	}

	/**
	 * The people of the partner whose deal it is: its Referrals admins and users (the
	 * deal's creator among them), not the alert addresses, which are for new leads.
	 */
	List<Recipient> inviter(Referral deal) {
		return users(deal.organizationId(), REFERRAL_USERS);
	}

	private List<Recipient> users(OrganizationId organization, Set<Role> roles) {
		return this.users.withAnyRole(organization, roles).stream().map(Recipients::of).toList();
	}

	/**
	 * The vendor user who sent a qualified referral; for one sent by an API client (or by
	 * a user who is gone) the vendor's admins.
	 */
	List<Recipient> sender(Referral referral) {
		Optional<UserContact> sender = this.users.findByPrincipal(referral.createdBy())
			.filter(user -> user.organizationId().equals(referral.vendorOrganizationId()));
		if (sender.isPresent()) {
			return List.of(of(sender.get()));
		}
		return this.users.withAnyRole(referral.vendorOrganizationId(), Set.of(Role.VENDOR_ADMIN))
			.stream()
			.map(Recipients::of)
			.toList();
	}

	/**
	 * The customer's first contact, in the language they wrote their inquiry in (for an
	 * inquiry from before that was kept, their country's); nobody if the inquiry left no
	 * contact.
	 */
	List<Recipient> customer(Referral referral) {
		return customers(List.of(referral)).get(referral.id());
	}

	/** {@link #customer} of each inquiry of a batch, their languages read at once. */
	Map<ReferralId, List<Recipient>> customers(List<Referral> inquiries) {
		Map<ReferralId, Locale> languages = this.inquiries.languagesOf(inquiries.stream().map(Referral::id).toList());
		Map<ReferralId, List<Recipient>> customers = new HashMap<>();
		for (Referral inquiry : inquiries) {
			Locale language = languages.get(inquiry.id());
			customers.put(inquiry.id(),
					customer(inquiry, language != null ? language : localeOf(inquiry.customer().address().country())));
		}
		return customers;
	}

	/** The customer's first contact, in the given language (English unless Hungarian). */
	List<Recipient> customer(Referral referral, Locale language) {
		List<TeamMember> contacts = referral.customer().contacts();
		if (contacts.isEmpty()) {
			return List.of();
		}
		TeamMember contact = contacts.get(0);
		Locale locale = HUNGARIAN.getLanguage().equals(language.getLanguage()) ? HUNGARIAN : Locale.ENGLISH;
		return List.of(new Recipient(contact.email().value(), locale, ZoneOffset.UTC, null, contact.fullName(locale)));
	}

	/** Hungarian for Hungary, else English: the two languages LeadRelay writes. */
	static Locale localeOf(String country) {
		return "HU".equalsIgnoreCase(country) ? HUNGARIAN : Locale.ENGLISH;
	}

	private static Recipient of(UserContact user) {
		Locale locale = HUNGARIAN.getLanguage().equals(user.locale().getLanguage()) ? HUNGARIAN : Locale.ENGLISH;
		return new Recipient(user.email(), locale, user.zone() == null ? ZoneOffset.UTC : user.zone(), user.id(),
				user.displayName());
	}

	private static String normalized(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

}
